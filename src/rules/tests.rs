//! Rule checks over hand-built call sites, independent of the front ends:
//! for each rule a case that fires, one that stays quiet, the note given
//! when a piece is unknown, and the profile keys that change it.

use super::{Context, check};
use crate::catalogue::Lang;
use crate::finding::Severity;
use crate::language::Language;
use crate::model::{
    CallSite, Extraction, Param, Presence, Span, StringUse, StringUseKind, Target, Unresolved,
    Value,
};
use crate::profile::{AllGroup, Networks, Profile, Role};

/// `name=value` is a literal, `name=$x` a dynamic value, `name?=value` a
/// parameter set only under a condition, and `...` an unresolved piece.
fn site(path: &str, params: &[&str]) -> CallSite {
    let mut site = CallSite {
        language: Language::Shell,
        span: Span::new(0, 10),
        target: Target::Path(path.to_string()),
        method: None,
        params: Vec::new(),
        unresolved: Vec::new(),
        via: None,
    };
    for text in params {
        if *text == "..." {
            site.unresolved.push(Unresolved {
                description: "$BODY".into(),
                span: Span::new(0, 5),
            });
            continue;
        }
        let (name, value) = text.split_once('=').expect("name=value");
        let (name, presence) = match name.strip_suffix('?') {
            Some(name) => (name, Presence::Maybe),
            None => (name, Presence::Always),
        };
        let value = match value.strip_prefix('$') {
            Some(variable) => Value::Dynamic(format!("${variable}")),
            None => Value::Literal(value.to_string()),
        };
        site.params.push(Param {
            name: name.to_string(),
            value,
            presence,
            span: Span::new(0, 1),
        });
    }
    site
}

/// Source text for rules that measure distances between spans: one short
/// line per ten bytes, so that bytes 0 to 9 are line 1, 10 to 19 line 2.
const TEXT: &str =
    "line 01..\nline 02..\nline 03..\nline 04..\nline 05..\nline 06..\nline 07..\nline 08..\n";

const IP: &str = "/api/2.0/fo/asset/ip/";
const GROUP: &str = "/api/2.0/fo/asset/group/";
const USER: &str = "/msp/user.php";
const APPLIANCE: &str = "/api/2.0/fo/appliance/";
const SCAN: &str = "/api/2.0/fo/scan/";
const COMPLIANCE_SCAN: &str = "/api/2.0/fo/scan/compliance/";

fn run_with(extraction: Extraction, profile: Profile) -> Vec<(String, Severity)> {
    let context = Context {
        extraction: &extraction,
        profile: &profile,
        lang: Lang::En,
        text: TEXT,
    };
    check(&context, |_| true)
        .into_iter()
        .map(|finding| (finding.rule.to_string(), finding.severity))
        .collect()
}

fn run(sites: Vec<CallSite>) -> Vec<(String, Severity)> {
    run_profile(sites, Profile::default())
}

fn run_profile(sites: Vec<CallSite>, profile: Profile) -> Vec<(String, Severity)> {
    let extraction = Extraction {
        call_sites: sites,
        string_uses: Vec::new(),
        qualys_context: true,
        ..Extraction::default()
    };
    run_with(extraction, profile)
}

fn found(rule: &str, severity: Severity) -> Vec<(String, Severity)> {
    vec![(rule.to_string(), severity)]
}

fn profile(role: Role, networks: Networks, all_group: AllGroup) -> Profile {
    Profile {
        role,
        networks,
        all_group,
    }
}

#[test]
fn ip_update_without_network_id_is_an_error() {
    let findings = run(vec![site(IP, &["action=update", "ips=10.0.0.1"])]);
    assert_eq!(findings, found("AGMS001", Severity::Error));
}

#[test]
fn ip_update_with_dynamic_network_id_is_quiet() {
    assert_eq!(
        run(vec![site(IP, &["action=update", "network_id=$NET"])]),
        vec![]
    );
}

#[test]
fn ip_update_with_unresolved_body_is_a_note() {
    let findings = run(vec![site(IP, &["action=update", "..."])]);
    assert_eq!(findings, found("AGMS001", Severity::Note));
}

#[test]
fn ip_update_with_conditional_network_id_is_a_note() {
    let findings = run(vec![site(IP, &["action=update", "network_id?=5"])]);
    assert_eq!(findings, found("AGMS001", Severity::Note));
}

#[test]
fn ip_update_profile_silences() {
    let sites = || vec![site(IP, &["action=update"])];
    let manager = profile(Role::Manager, Networks::Unknown, AllGroup::Unknown);
    assert_eq!(run_profile(sites(), manager), vec![]);
    let no_networks = profile(Role::Scanner, Networks::Off, AllGroup::Unknown);
    assert_eq!(run_profile(sites(), no_networks), vec![]);
    let unit_manager = profile(Role::UnitManager, Networks::On, AllGroup::Unknown);
    assert_eq!(
        run_profile(sites(), unit_manager),
        found("AGMS001", Severity::Error)
    );
}

#[test]
fn unknown_action_on_ip_gives_notes_for_missing_keys() {
    let findings = run(vec![site(IP, &["..."])]);
    assert_eq!(
        findings,
        vec![
            ("AGMS001".into(), Severity::Note),
            ("AGMS002".into(), Severity::Note)
        ]
    );
    let sends_both = run(vec![site(
        IP,
        &["action=$ACTION", "ag_title=All", "network_id=1"],
    )]);
    assert_eq!(sends_both, vec![]);
}

#[test]
fn ip_add_without_ag_title_is_an_error() {
    let findings = run(vec![site(IP, &["action=add", "ips=10.0.0.1"])]);
    assert_eq!(findings, found("AGMS002", Severity::Error));
}

#[test]
fn empty_value_counts_as_not_sent() {
    let add = site(IP, &["action=add", "ag_title=", "network_id=1"]);
    assert_eq!(run(vec![add]), found("AGMS002", Severity::Error));
    let update = site(IP, &["action=update", "network_id="]);
    assert_eq!(run(vec![update]), found("AGMS001", Severity::Error));
}

#[test]
fn ip_add_into_all_with_network_id_is_quiet() {
    let sites = vec![site(IP, &["action=add", "ag_title=All", "network_id=42"])];
    assert_eq!(run(sites), vec![]);
}

#[test]
fn ip_add_into_named_group_is_a_warning() {
    let findings = run(vec![site(IP, &["action=add", "ag_title=Datacenter"])]);
    assert_eq!(findings, found("AGMS003", Severity::Warning));
}

#[test]
fn ip_add_title_compares_all_without_case() {
    let findings = run(vec![site(
        IP,
        &["action=add", "ag_title=all", "network_id=1"],
    )]);
    assert_eq!(findings, vec![]);
}

#[test]
fn ip_add_with_dynamic_title_is_a_note() {
    let findings = run(vec![site(IP, &["action=add", "ag_title=$GROUP"])]);
    assert_eq!(findings, found("AGMS003", Severity::Note));
}

#[test]
fn ip_add_named_group_follows_all_group_profile() {
    let sites = || vec![site(IP, &["action=add", "ag_title=Datacenter"])];
    let assigned = profile(Role::Unknown, Networks::Unknown, AllGroup::Assigned);
    assert_eq!(
        run_profile(sites(), assigned),
        found("AGMS003", Severity::Error)
    );
    let not_assigned = profile(Role::Unknown, Networks::Unknown, AllGroup::NotAssigned);
    assert_eq!(run_profile(sites(), not_assigned), vec![]);
    let manager = profile(Role::Manager, Networks::Unknown, AllGroup::Assigned);
    assert_eq!(run_profile(sites(), manager), vec![]);
}

#[test]
fn known_parameters_with_an_unresolved_piece_give_a_note() {
    let title = site(IP, &["action=add", "ag_title=Datacenter", "..."]);
    assert_eq!(run(vec![title]), found("AGMS003", Severity::Note));
    let contact = site(
        USER,
        &["action=add", "user_role=contact", "asset_groups=AG1", "..."],
    );
    assert_eq!(run(vec![contact]), found("AGMS005", Severity::Note));
}

#[test]
fn unresolved_piece_does_not_hide_a_sent_parameter() {
    let update = site(IP, &["action=update", "network_id=7", "..."]);
    assert_eq!(run(vec![update]), vec![]);
}

#[test]
fn ip_add_into_all_without_network_id_is_an_error() {
    let findings = run(vec![site(IP, &["action=add", "ag_title=All"])]);
    assert_eq!(findings, found("AGMS004", Severity::Error));
    let maybe = run(vec![site(IP, &["action=add", "ag_title=All", "..."])]);
    assert_eq!(maybe, found("AGMS004", Severity::Note));
    let off = profile(Role::Unknown, Networks::Off, AllGroup::Unknown);
    assert_eq!(
        run_profile(vec![site(IP, &["action=add", "ag_title=All"])], off),
        vec![]
    );
}

/// Returns the findings of one rule only.
fn of_rule(findings: Vec<(String, Severity)>, rule: &str) -> Vec<(String, Severity)> {
    findings
        .into_iter()
        .filter(|(code, _)| code == rule)
        .collect()
}

#[test]
fn unknown_action_into_all_is_note() {
    let unknown = run(vec![site(IP, &["action=$ACTION", "ag_title=All"])]);
    assert_eq!(
        of_rule(unknown, "AGMS004"),
        found("AGMS004", Severity::Note)
    );
    let with_network = run(vec![site(
        IP,
        &["action=$ACTION", "ag_title=All", "network_id=1"],
    )]);
    assert_eq!(of_rule(with_network, "AGMS004"), vec![]);
    let other_group = run(vec![site(IP, &["action=$ACTION", "ag_title=Lab"])]);
    assert_eq!(of_rule(other_group, "AGMS004"), vec![]);
}

#[test]
fn add_into_all_under_condition_is_a_note() {
    let maybe_all = run(vec![site(IP, &["action=add", "ag_title?=All"])]);
    assert_eq!(
        of_rule(maybe_all, "AGMS004"),
        found("AGMS004", Severity::Note)
    );
    let update = run(vec![site(
        IP,
        &["action=update", "ag_title?=All", "network_id=1"],
    )]);
    assert_eq!(of_rule(update, "AGMS004"), vec![]);
}

#[test]
fn all_on_one_path_is_note() {
    let mut either = site(IP, &["action=add", "ag_title=$GROUP"]);
    either.params[1].value = Value::Dynamic("$GROUP (`Web` or `All`)".into());
    assert_eq!(
        of_rule(run(vec![either]), "AGMS004"),
        found("AGMS004", Severity::Note)
    );
    let mut neither = site(IP, &["action=add", "ag_title=$GROUP"]);
    neither.params[1].value = Value::Dynamic("$GROUP (`Web` or `Lab`)".into());
    assert_eq!(of_rule(run(vec![neither]), "AGMS004"), vec![]);
    let unknown = site(IP, &["action=add", "ag_title=$GROUP"]);
    assert_eq!(of_rule(run(vec![unknown]), "AGMS004"), vec![]);
}

#[test]
fn similar_endpoints_are_not_ip_calls() {
    let excluded = site(
        "/api/2.0/fo/asset/excluded_ip/",
        &["action=add", "ips=10.0.0.1"],
    );
    let group = site(GROUP, &["action=add", "ips=10.0.0.1", "title=G"]);
    assert_eq!(run(vec![excluded, group]), vec![]);
}

#[test]
fn contact_user_with_asset_groups_is_an_error() {
    let add = site(
        USER,
        &["action=add", "user_role=contact", "asset_groups=AG1"],
    );
    assert_eq!(run(vec![add]), found("AGMS005", Severity::Error));
    let edit = site(
        USER,
        &["action=edit", "user_role=contact", "asset_groups=AG1"],
    );
    assert_eq!(run(vec![edit]), found("AGMS005", Severity::Error));
}

#[test]
fn other_users_and_contacts_without_groups_are_quiet() {
    let reader = site(
        USER,
        &["action=add", "user_role=reader", "asset_groups=AG1"],
    );
    let contact = site(USER, &["action=add", "user_role=contact"]);
    let edit = site(USER, &["action=edit", "asset_groups=AG1"]);
    assert_eq!(run(vec![reader, contact, edit]), vec![]);
}

#[test]
fn contact_user_with_unknown_pieces_is_a_note() {
    let role = site(USER, &["action=add", "user_role=$ROLE", "asset_groups=AG1"]);
    assert_eq!(run(vec![role]), found("AGMS005", Severity::Note));
    let groups = site(
        USER,
        &["action=add", "user_role=contact", "asset_groups?=AG1"],
    );
    assert_eq!(run(vec![groups]), found("AGMS005", Severity::Note));
}

fn with_strings(
    sites: Vec<CallSite>,
    uses: Vec<(&str, StringUseKind)>,
    context: bool,
) -> Extraction {
    Extraction {
        call_sites: sites,
        string_uses: uses
            .into_iter()
            .map(|(text, kind)| StringUse {
                text: text.into(),
                kind,
                case_insensitive: false,
                span: Span::new(20, 30),
            })
            .collect(),
        qualys_context: context,
        ..Extraction::default()
    }
}

#[test]
fn old_error_text_needs_qualys_context() {
    let uses = || {
        vec![(
            "One or more IPs are not assigned to this user",
            StringUseKind::Substring,
        )]
    };
    let with = with_strings(vec![], uses(), true);
    assert_eq!(
        run_with(with, Profile::default()),
        found("AGMS006", Severity::Warning)
    );
    let without = with_strings(vec![], uses(), false);
    assert_eq!(run_with(without, Profile::default()), vec![]);
}

#[test]
fn old_error_text_beside_its_new_text_is_quiet() {
    let old = "One or more IPs are not assigned to this user";
    let new = "are not in user account scope";
    // Spans 20..30 and 30..40 are lines 3 and 4 of TEXT.
    let both = extraction_with_uses(&[(old, 20), (new, 30)]);
    assert_eq!(run_with(both, Profile::default()), vec![]);
    // Lines 1 and 8 are too far apart to be one check.
    let apart = extraction_with_uses(&[(old, 0), (new, 70)]);
    assert_eq!(
        run_with(apart, Profile::default()),
        found("AGMS006", Severity::Warning)
    );
    let other_error = extraction_with_uses(&[(old, 20), ("Data not found for Asset Group", 30)]);
    assert_eq!(
        run_with(other_error, Profile::default()),
        found("AGMS006", Severity::Warning)
    );
}

/// Substring uses of each text, starting at the given byte offsets.
fn extraction_with_uses(uses: &[(&str, usize)]) -> Extraction {
    let string_uses = uses
        .iter()
        .map(|(text, start)| StringUse {
            text: text.to_string(),
            kind: StringUseKind::Substring,
            case_insensitive: false,
            span: Span::new(*start, start + 5),
        })
        .collect();
    Extraction {
        call_sites: Vec::new(),
        string_uses,
        qualys_context: true,
        ..Extraction::default()
    }
}

#[test]
fn all_group_lookup_after_a_list_is_a_warning() {
    let list = || site(GROUP, &["action=list"]);
    let lookup = with_strings(vec![list()], vec![("All", StringUseKind::Equality)], true);
    assert_eq!(
        run_with(lookup, Profile::default()),
        found("AGMS007", Severity::Warning)
    );
    let skip = with_strings(vec![list()], vec![("All", StringUseKind::Inequality)], true);
    assert_eq!(run_with(skip, Profile::default()), vec![]);
    let no_list = with_strings(vec![], vec![("All", StringUseKind::Equality)], true);
    assert_eq!(run_with(no_list, Profile::default()), vec![]);
}

#[test]
fn all_group_lookup_after_v1_list_is_a_warning() {
    let list = site("/msp/asset_group_list.php", &[]);
    let xpath = with_strings(
        vec![list],
        vec![("//ASSET_GROUP[TITLE='All']", StringUseKind::Substring)],
        true,
    );
    assert_eq!(
        run_with(xpath, Profile::default()),
        found("AGMS007", Severity::Warning)
    );
}

#[test]
fn unit_ids_attribute_is_a_note() {
    let list = site(
        GROUP,
        &["action=list", "show_attributes=ID,ASSIGNED_UNIT_IDS"],
    );
    assert_eq!(run(vec![list]), found("AGMS008", Severity::Note));
    let all = site(GROUP, &["action=list", "show_attributes=ALL"]);
    assert_eq!(run(vec![all]), vec![]);
}

#[test]
fn unit_ids_with_unknown_action_is_a_note() {
    let unknown = site(
        GROUP,
        &["action=$ACTION", "show_attributes=ASSIGNED_UNIT_IDS"],
    );
    assert_eq!(run(vec![unknown]), found("AGMS008", Severity::Note));
    let other_attributes = site(GROUP, &["action=$ACTION", "show_attributes=ID,TITLE"]);
    assert_eq!(run(vec![other_attributes]), vec![]);
    let edit = site(GROUP, &["action=edit", "show_attributes=ASSIGNED_UNIT_IDS"]);
    assert_eq!(run(vec![edit]), vec![]);
}

#[test]
fn bare_domain_pattern_is_a_warning() {
    let uses = vec![("<DOMAIN>(.*?)</DOMAIN>", StringUseKind::Regex)];
    let extraction = with_strings(
        vec![site(GROUP, &["action=list", "show_attributes=ALL"])],
        uses,
        true,
    );
    assert_eq!(
        run_with(extraction, Profile::default()),
        found("AGMS009", Severity::Warning)
    );
}

#[test]
fn appliance_create_without_asset_group_is_an_error() {
    let create = || site(APPLIANCE, &["action=create", "name=vs1"]);
    assert_eq!(run(vec![create()]), found("AGMS010", Severity::Error));
    let manager = profile(Role::Manager, Networks::Unknown, AllGroup::Unknown);
    assert_eq!(run_profile(vec![create()], manager), vec![]);
}

#[test]
fn appliance_create_with_literal_group_is_a_scope_note() {
    let literal = site(
        APPLIANCE,
        &["action=create", "name=vs1", "asset_group_id=5480600"],
    );
    assert_eq!(run(vec![literal]), found("AGMS010", Severity::Note));
    let dynamic = site(
        APPLIANCE,
        &["action=create", "name=vs1", "asset_group_id=$AG"],
    );
    assert_eq!(run(vec![dynamic]), vec![]);
    let list = site(APPLIANCE, &["action=list"]);
    assert_eq!(run(vec![list]), vec![]);
}

#[test]
fn scan_list_without_user_login_is_a_note() {
    let vm = site(SCAN, &["action=list"]);
    let compliance = site(COMPLIANCE_SCAN, &["action=list", "state=Finished"]);
    assert_eq!(
        run(vec![vm, compliance]),
        vec![
            ("AGMS011".into(), Severity::Note),
            ("AGMS011".into(), Severity::Note)
        ]
    );
    let filtered = site("/api/3.0/fo/scan/", &["action=list", "user_login=$ME"]);
    assert_eq!(run(vec![filtered]), vec![]);
    let launch = site(SCAN, &["action=launch"]);
    assert_eq!(run(vec![launch]), vec![]);
}

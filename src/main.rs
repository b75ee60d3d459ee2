fn main() {
    let mut parsers = agms_lint::lang::Parsers::new();
    let _ = parsers.extract(agms_lint::language::Language::Shell, "");
}

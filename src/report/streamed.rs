//! A JSON array whose items are built one at a time while it is written.
//!
//! Building a whole report as one `serde_json::Value` stores every finding
//! as a tree of maps and strings, several times the size of the findings
//! themselves. A `Streamed` array makes each item only when the serializer
//! reaches it and drops it once written, so writing a report needs memory
//! for one item, not for all of them.

use serde::{Serialize, Serializer};

/// An array serialized from the items its closure returns. The closure
/// runs each time the array is serialized, so the same value can be
/// written twice.
pub struct Streamed<F>(pub F);

impl<F, I> Serialize for Streamed<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;

    #[test]
    fn writes_what_a_value_would() {
        for count in [0, 1, 3] {
            let streamed = Streamed(|| (0..count).map(|n| json!({ "n": n, "name": "x" })));
            let built = Value::Array((0..count).map(|n| json!({ "n": n, "name": "x" })).collect());
            assert_eq!(
                serde_json::to_string_pretty(&streamed).expect("streamed array serialises"),
                serde_json::to_string_pretty(&built).expect("array serialises"),
                "{count} items"
            );
        }
    }

    #[test]
    fn can_be_written_twice() {
        let streamed = Streamed(|| ["a", "b"].into_iter());
        let first = serde_json::to_string(&streamed).expect("serialises");
        let second = serde_json::to_string(&streamed).expect("serialises");
        assert_eq!(first, r#"["a","b"]"#);
        assert_eq!(second, first);
    }
}

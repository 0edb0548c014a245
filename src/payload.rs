//! The bytes a message's payload contributes to what its tag or signature covers.
//!
//! JavaScript defines the rule: a payload's bytes are the UTF-8 of `JSON.stringify(data)`. Data
//! that comes from JSON text (a scenario's events) is written here exactly as JavaScript would
//! write it after `JSON.parse`: numbers as `Number.prototype.toString` writes them, object keys
//! in JavaScript's order (integer keys ascending, then the rest as written), strings escaped as
//! `JSON.stringify` escapes them. So a message a scenario sends verifies in JavaScript too.

use std::fmt::Write;

use serde_json::{Map, Value};

/// The UTF-8 of `JSON.stringify(JSON.parse(text))` for the JSON value `value` parsed from `text`.
pub fn json_payload(value: &Value) -> Vec<u8> {
    let mut out = String::new();
    write_value(&mut out, value);
    out.into_bytes()
}

fn write_value(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        // JSON numbers are JavaScript numbers: the nearest double, written the JavaScript way.
        Value::Number(n) => write_number(out, n.as_f64().unwrap_or(0.0)),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => write_object(out, map),
    }
}

/// An object's members in JavaScript's property order: array-index keys ascending, then the others
/// in the order they were written.
fn write_object(out: &mut String, map: &Map<String, Value>) {
    let members: Vec<(&String, &Value)> = map.iter().collect();
    // (array index, position) pairs: indices are unique, so an unstable sort keeps the order, and
    // sorting pairs of u32 reuses the sort the topology already brings into the wasm.
    let mut indexed: Vec<(u32, u32)> = members
        .iter()
        .enumerate()
        .filter_map(|(at, (key, _))| array_index(key).map(|index| (index, at as u32)))
        .collect();
    indexed.sort_unstable();
    let indexed = indexed.into_iter().map(|(_, at)| members[at as usize]);
    let named = members.iter().copied().filter(|(key, _)| array_index(key).is_none());
    out.push('{');
    for (i, (key, value)) in indexed.chain(named).enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_string(out, key);
        out.push(':');
        write_value(out, value);
    }
    out.push('}');
}

/// The array index a property key stands for: the canonical decimal of an integer below 2^32 - 1.
fn array_index(key: &str) -> Option<u32> {
    let index: u32 = key.parse().ok()?;
    (index != u32::MAX && index.to_string() == key).then_some(index)
}

/// A string as `JSON.stringify` writes it (the same escapes as serde_json).
fn write_string(out: &mut String, text: &str) {
    out.push_str(&serde_json::to_string(text).unwrap_or_default());
}

/// A finite number as JavaScript's `Number.prototype.toString()` writes it.
pub(crate) fn write_number(out: &mut String, x: f64) {
    if x == 0.0 {
        out.push('0');
        return;
    }
    if x < 0.0 {
        out.push('-');
    }
    // Rust's `{:e}` gives the shortest digits that read back as `x`, as JavaScript requires.
    let scientific = format!("{:e}", x.abs());
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let k = digits.len() as i32;
    // The value is 0.digits x 10^n.
    let n = exponent.parse::<i32>().unwrap_or(0) + 1;
    if k <= n && n <= 21 {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', (n - k) as usize));
    } else if 0 < n && n <= 21 {
        out.push_str(&digits[..n as usize]);
        out.push('.');
        out.push_str(&digits[n as usize..]);
    } else if -6 < n && n <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-n) as usize));
        out.push_str(&digits);
    } else {
        out.push_str(&digits[..1]);
        if k > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let _ = write!(out, "e{}{}", if n > 0 { '+' } else { '-' }, (n - 1).abs());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn js(text: &str) -> String {
        String::from_utf8(json_payload(&serde_json::from_str(text).unwrap())).unwrap()
    }

    #[test]
    fn numbers_are_written_as_javascript_writes_them() {
        for (text, expected) in [
            ("1.0", "1"),
            ("-0", "0"),
            ("-0.0", "0"),
            ("1e21", "1e+21"),
            ("1e20", "100000000000000000000"),
            ("123456789012345678901", "123456789012345680000"),
            ("0.000001", "0.000001"),
            ("0.0000001", "1e-7"),
            ("1.5e-7", "1.5e-7"),
            ("-2.5E+3", "-2500"),
            ("0.1", "0.1"),
            ("12345678901234567890", "12345678901234567000"),
            ("1.7976931348623157e308", "1.7976931348623157e+308"),
            ("5e-324", "5e-324"),
            ("123.456", "123.456"),
        ] {
            assert_eq!(js(text), expected, "{text}");
        }
    }

    #[test]
    fn objects_keep_javascript_key_order_and_strings_its_escapes() {
        assert_eq!(
            js(r#"{"b": 1, "a": [true, null], "10": "x", "2": {}, "01": 0, "4294967295": 1}"#),
            r#"{"2":{},"10":"x","b":1,"a":[true,null],"01":0,"4294967295":1}"#
        );
        assert_eq!(
            js(r#""tab\t quote\" slash\\ \u0001 é \u2028""#),
            "\"tab\\t quote\\\" slash\\\\ \\u0001 é \u{2028}\""
        );
        assert_eq!(js(r#"{"a": 1, "a": 2}"#), r#"{"a":2}"#);
    }
}

//! Reading options and scenarios from JSON values, naming the field at fault.
//!
//! A [`Field`] is a value of a document and its path (`links.latency`, `events[3].crash`). It
//! reads numbers, booleans, strings, arrays, maps and objects; a value of the wrong type, a
//! missing key or an unknown one is an `ERR_INVALID_TYPE` that names the path and the rule
//! (`seed must be a number, got the string "7"`). Each options type reads itself with these
//! ([`Shape`], written by hand): serde's derived readers and their path tracking took about
//! 100 KB of the wasm.

use serde_json::{Map, Value};

use crate::error::{JsNumber, MeshError};

/// What errors call the top-level value of a document read without a root name: the options
/// object of `new MeshNetwork(options)`.
const UNNAMED_ROOT: &str = "options";

/// A value read from its JSON form, checked field by field.
pub trait Shape: Sized {
    /// Reads the value in `field`.
    fn read(field: &Field<'_>) -> Result<Self, MeshError>;
}

/// A value given as a bare name or as an object of parameters `S`, as a scenario gives a
/// topology, a byzantine behaviour or a built-in protocol.
#[derive(Debug, Clone, PartialEq)]
pub enum NameOr<S> {
    /// A name, with the defaults of its parameters.
    Name(String),
    /// The parameters, the name among them.
    Spec(S),
}

/// Parameters that a bare name also stands for (see [`NameOr`]).
pub trait Named: Shape + Clone {
    /// What the value must be, for the error: `a topology name or { kind, ... }`.
    const EXPECTED: &'static str;

    /// The parameters that the bare `name` stands for: the name and the defaults.
    fn named(name: &str) -> Self;
}

impl<S: Named> Shape for NameOr<S> {
    fn read(field: &Field<'_>) -> Result<Self, MeshError> {
        match field.value() {
            Some(Value::String(_)) => field.text().map(Self::Name),
            Some(Value::Object(_)) => field.as_one(|f| f.read().map(Self::Spec)),
            _ => Err(field.wrong(S::EXPECTED)),
        }
    }
}

impl<S: Named> NameOr<S> {
    /// The parameters, a bare name's with their defaults.
    pub fn spec(&self) -> S {
        match self {
            Self::Name(name) => S::named(name),
            Self::Spec(spec) => spec.clone(),
        }
    }
}

/// Reads a `T` from a JSON value, naming the path of a bad field under `root` (such as
/// `link.loss`; with an empty root the path alone, and `options` for the value itself).
pub fn read_shape<T: Shape>(value: &Value, root: &str) -> Result<T, MeshError> {
    Field::root(value, root).read()
}

/// A value of a document, or a missing one, and where it is.
#[derive(Debug)]
pub struct Field<'a> {
    /// `None` when the key is missing.
    value: Option<&'a Value>,
    /// The path from the root, empty for an unnamed root.
    path: String,
}

impl<'a> Field<'a> {
    /// The top-level value of a document. `root` prefixes every path (with `links`, the loss is
    /// `links.loss`); an empty root starts paths at the keys and calls the value itself `options`.
    pub fn root(value: &'a Value, root: &str) -> Self {
        Self { value: Some(value), path: root.to_owned() }
    }

    /// Where the value is, as errors name it.
    pub fn path(&self) -> &str {
        if self.path.is_empty() {
            UNNAMED_ROOT
        } else {
            &self.path
        }
    }

    /// The value as written, `null` included; `None` when the key is missing.
    pub fn value(&self) -> Option<&'a Value> {
        self.value
    }

    /// Whether the value is missing or `null`, as an optional field left out is.
    pub fn is_absent(&self) -> bool {
        matches!(self.value, None | Some(Value::Null))
    }

    /// Reads the value as a `T`.
    pub fn read<T: Shape>(&self) -> Result<T, MeshError> {
        T::read(self)
    }

    /// A number.
    pub fn number(&self) -> Result<f64, MeshError> {
        self.value.and_then(Value::as_f64).ok_or_else(|| self.wrong("a number"))
    }

    /// A boolean.
    pub fn flag(&self) -> Result<bool, MeshError> {
        self.value.and_then(Value::as_bool).ok_or_else(|| self.wrong("a boolean"))
    }

    /// A string.
    pub fn text(&self) -> Result<String, MeshError> {
        self.value.and_then(Value::as_str).map(str::to_owned).ok_or_else(|| self.wrong("a string"))
    }

    /// The items of an array, each with its path (`edges[2]`).
    pub fn items(&self) -> Result<Vec<Field<'a>>, MeshError> {
        let items = self.value.and_then(Value::as_array).ok_or_else(|| self.wrong("an array"))?;
        Ok(items
            .iter()
            .enumerate()
            .map(|(i, value)| Field { value: Some(value), path: format!("{}[{i}]", self.path) })
            .collect())
    }

    /// The two items of an array of exactly two.
    pub fn pair(&self) -> Result<(Field<'a>, Field<'a>), MeshError> {
        let items = self.items().map_err(|_| self.wrong("an array of two"))?;
        let count = items.len();
        <[Field<'a>; 2]>::try_from(items).map(|[a, b]| (a, b)).map_err(|_| MeshError::WrongType {
            field: self.path().to_owned(),
            expected: "an array of two".to_owned(),
            got: format!("an array of {count}"),
        })
    }

    /// The entries of an object used as a map (any keys), in written order, each value with its
    /// path (`drift.node-3`).
    pub fn entries(&self) -> Result<Vec<(&'a str, Field<'a>)>, MeshError> {
        let map = self.value.and_then(Value::as_object).ok_or_else(|| self.wrong("an object"))?;
        Ok(map
            .iter()
            .map(|(key, value)| (key.as_str(), Field { value: Some(value), path: join(&self.path, key) }))
            .collect())
    }

    /// An object with known keys, to read key by key ([`Fields`]).
    pub fn object(&self) -> Result<Fields<'a>, MeshError> {
        let map = self.value.and_then(Value::as_object).ok_or_else(|| self.wrong("an object"))?;
        Ok(Fields { map, path: self.path.clone(), known: Vec::new(), problem: None })
    }

    /// Reads one of a value's alternative forms with `read`, reporting a problem found inside at
    /// this field, as one setting, with the inner path in the message
    /// (`links.latency: links.latency.ms must be a number, ...`).
    pub fn as_one<T>(&self, read: impl FnOnce(&Self) -> Result<T, MeshError>) -> Result<T, MeshError> {
        read(self).map_err(|err| match err {
            MeshError::WrongType { .. } | MeshError::BadShape { .. } if err.field() != self.path() => {
                MeshError::BadShape { field: self.path().to_owned(), problem: err.to_string() }
            }
            other => other,
        })
    }

    /// The error for a value that is not `expected` (such as `a number`), or is missing.
    pub fn wrong(&self, expected: &str) -> MeshError {
        MeshError::WrongType {
            field: self.path().to_owned(),
            expected: expected.to_owned(),
            got: self.value.map_or_else(|| "nothing (the key is missing)".to_owned(), describe),
        }
    }
}

/// An object being read key by key. A problem does not stop the reading (the value read is
/// then a placeholder): [`Fields::end`] reports the first one, or else the first key not read.
#[derive(Debug)]
pub struct Fields<'a> {
    map: &'a Map<String, Value>,
    path: String,
    known: Vec<&'static str>,
    problem: Option<MeshError>,
}

impl<'a> Fields<'a> {
    /// The field under `key`, a known key from now on (missing when the object has none).
    pub fn get(&mut self, key: &'static str) -> Field<'a> {
        self.known.push(key);
        Field { value: self.map.get(key), path: join(&self.path, key) }
    }

    /// Reads the field under `key` as a `T`; after a problem (this one or an earlier one), the
    /// placeholder `T::default()`.
    pub fn read<T: Shape + Default>(&mut self, key: &'static str) -> T {
        let field = self.get(key);
        if self.problem.is_some() {
            return T::default();
        }
        field.read().unwrap_or_else(|problem| {
            self.problem = Some(problem);
            T::default()
        })
    }

    /// `value`, read from this object, if no read found a problem and the object has no key
    /// besides those read; otherwise the first problem, or an error naming the first other key
    /// and listing the known ones.
    pub fn end<T>(self, value: T) -> Result<T, MeshError> {
        self.check().map(|()| value)
    }

    fn check(self) -> Result<(), MeshError> {
        if let Some(problem) = self.problem {
            return Err(problem);
        }
        match self.map.keys().find(|key| !self.known.contains(&key.as_str())) {
            None => Ok(()),
            Some(key) => Err(MeshError::BadShape {
                field: join(&self.path, key),
                problem: format!("not a known key (the keys are {})", self.known.join(", ")),
            }),
        }
    }
}

/// The path of `key` in the object at `path` (the key alone at an unnamed root).
fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// How a JSON value reads in an error message (`the string "7"`, `null`, `an object`).
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {}", JsNumber(n.as_f64().unwrap_or(f64::NAN))),
        Value::String(s) => format!("the string {s:?}"),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

impl Shape for f64 {
    fn read(field: &Field<'_>) -> Result<Self, MeshError> {
        field.number()
    }
}

impl Shape for bool {
    fn read(field: &Field<'_>) -> Result<Self, MeshError> {
        field.flag()
    }
}

impl Shape for String {
    fn read(field: &Field<'_>) -> Result<Self, MeshError> {
        field.text()
    }
}

/// Any JSON value, as it is (a scenario inside an experiment, which its own reader checks later).
impl Shape for Value {
    fn read(field: &Field<'_>) -> Result<Self, MeshError> {
        field.value().cloned().ok_or_else(|| field.wrong("a value"))
    }
}

/// Missing and `null` read as `None`.
impl<T: Shape> Shape for Option<T> {
    fn read(field: &Field<'_>) -> Result<Self, MeshError> {
        if field.is_absent() {
            Ok(None)
        } else {
            field.read().map(Some)
        }
    }
}

impl<T: Shape> Shape for Vec<T> {
    fn read(field: &Field<'_>) -> Result<Self, MeshError> {
        let items = field.items()?;
        let mut list = Vec::with_capacity(items.len());
        for item in &items {
            list.push(item.read()?);
        }
        Ok(list)
    }
}

/// An array of exactly two.
impl<A: Shape, B: Shape> Shape for (A, B) {
    fn read(field: &Field<'_>) -> Result<Self, MeshError> {
        let (a, b) = field.pair()?;
        Ok((a.read()?, b.read()?))
    }
}

/// An object of any keys, read as its entries in written order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entries<T>(pub Vec<(String, T)>);

impl<T: Shape> Shape for Entries<T> {
    fn read(field: &Field<'_>) -> Result<Self, MeshError> {
        let entries = field.entries()?;
        let mut list = Vec::with_capacity(entries.len());
        for (key, value) in &entries {
            list.push(((*key).to_owned(), value.read()?));
        }
        Ok(Entries(list))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// A small object with a required and an optional key.
    #[derive(Debug, Default, PartialEq)]
    struct Point {
        x: f64,
        label: Option<String>,
    }

    impl Shape for Point {
        fn read(field: &Field<'_>) -> Result<Self, MeshError> {
            let mut o = field.object()?;
            let point = Point { x: o.read("x"), label: o.read("label") };
            o.end(point)
        }
    }

    /// A number, or a point: two forms of one setting.
    #[derive(Debug, PartialEq)]
    enum Spot {
        At(f64),
        Point(Point),
    }

    impl Shape for Spot {
        fn read(field: &Field<'_>) -> Result<Self, MeshError> {
            match field.value() {
                Some(Value::Number(_)) => field.number().map(Spot::At),
                Some(Value::Object(_)) => field.as_one(|f| f.read().map(Spot::Point)),
                _ => Err(field.wrong("a number or a point")),
            }
        }
    }

    fn read<T: Shape>(value: Value, root: &str) -> Result<T, MeshError> {
        read_shape(&value, root)
    }

    /// The code, field and message of the error reading `value` as a `T` gives.
    fn problem<T: Shape + std::fmt::Debug>(value: Value, root: &str) -> (&'static str, String, String) {
        let err = read::<T>(value, root).unwrap_err();
        (err.code(), err.field().to_owned(), err.to_string())
    }

    #[test]
    fn values_of_the_right_type_are_read() {
        assert_eq!(read::<f64>(json!(1.5), "x"), Ok(1.5));
        assert_eq!(read::<bool>(json!(true), "x"), Ok(true));
        assert_eq!(read::<String>(json!("a"), "x"), Ok("a".to_owned()));
        assert_eq!(read::<Vec<f64>>(json!([1, 2]), "x"), Ok(vec![1.0, 2.0]));
        assert_eq!(read::<(String, f64)>(json!(["a", 2]), "x"), Ok(("a".to_owned(), 2.0)));
        let entries = read::<Entries<f64>>(json!({"b": 1, "a": 2}), "x").unwrap();
        assert_eq!(entries, Entries(vec![("b".to_owned(), 1.0), ("a".to_owned(), 2.0)]), "written order");
        assert_eq!(read::<Point>(json!({"x": 3}), "p"), Ok(Point { x: 3.0, label: None }));
    }

    #[test]
    fn null_and_a_missing_key_leave_an_optional_value_out() {
        assert_eq!(read::<Option<f64>>(json!(null), "x"), Ok(None));
        assert_eq!(read::<Point>(json!({"x": 1, "label": null}), "p"), Ok(Point { x: 1.0, label: None }));
    }

    #[test]
    fn a_value_of_the_wrong_type_names_its_path_and_the_rule() {
        assert_eq!(
            problem::<f64>(json!("7"), "seed"),
            ("ERR_INVALID_TYPE", "seed".into(), "seed must be a number, got the string \"7\"".into())
        );
        assert_eq!(problem::<bool>(json!(1), "on").2, "on must be a boolean, got the number 1");
        assert_eq!(problem::<Point>(json!([]), "p").2, "p must be an object, got an array");
        assert_eq!(problem::<Point>(json!(null), "").1, "options", "an unnamed root");
        let missing = problem::<Point>(json!({}), "p");
        assert_eq!(
            (missing.1.as_str(), missing.2.as_str()),
            ("p.x", "p.x must be a number, got nothing (the key is missing)")
        );
        assert_eq!(
            problem::<(f64, f64)>(json!([1, 2, 3]), "pair").2,
            "pair must be an array of two, got an array of 3"
        );
    }

    #[test]
    fn paths_go_through_arrays_and_maps() {
        let value = json!({"a": [[1, 2]], "b": [[3, 4], [5, "six"]]});
        assert_eq!(problem::<Entries<Vec<(f64, f64)>>>(value.clone(), "drift").1, "drift.b[1][1]");
        assert_eq!(
            problem::<Entries<Vec<(f64, f64)>>>(value, "").1,
            "b[1][1]",
            "keys alone at an unnamed root"
        );
        let points = json!([{"x": 1}, {"x": 2, "label": 3}]);
        assert_eq!(problem::<Vec<Point>>(points, "points").1, "points[1].label");
    }

    #[test]
    fn an_unknown_key_is_named_after_the_values_are_checked() {
        let (code, field, message) = problem::<Point>(json!({"x": 1, "y": 2}), "p");
        assert_eq!((code, field.as_str()), ("ERR_INVALID_TYPE", "p.y"));
        assert_eq!(message, "p.y: not a known key (the keys are x, label)");
        assert_eq!(problem::<Point>(json!({"y": 2, "x": "1"}), "p").1, "p.x", "the bad value first");
        assert_eq!(problem::<Point>(json!({"x": "1", "label": 2}), "p").1, "p.x", "the first bad value");
    }

    #[test]
    fn a_problem_inside_one_of_several_forms_names_the_whole_setting() {
        assert_eq!(read::<Spot>(json!(4), "spot"), Ok(Spot::At(4.0)));
        assert_eq!(read::<Spot>(json!({"x": 4}), "spot"), Ok(Spot::Point(Point { x: 4.0, label: None })));
        assert_eq!(
            problem::<Spot>(json!("4"), "spot").2,
            "spot must be a number or a point, got the string \"4\""
        );
        let (code, field, message) = problem::<Spot>(json!({"x": 4, "z": 1}), "spot");
        assert_eq!((code, field.as_str()), ("ERR_INVALID_TYPE", "spot"));
        assert_eq!(message, "spot: spot.z: not a known key (the keys are x, label)");
        assert_eq!(problem::<Vec<Spot>>(json!([1, {"x": true}]), "spots").1, "spots[1]");
    }
}

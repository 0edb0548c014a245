//! The wasm/JS boundary schema: every record layout and code table that crosses into JavaScript,
//! declared once here. The bindings write records through these types, and `gen-boundary`
//! (`npm run gen`) writes the TypeScript side (`src/js/generated/`) from them:
//! offsets, strides, code tables, decoders and types. `npm run lint` fails when the checked-in
//! TypeScript differs from a fresh generation.

pub mod codes;
pub mod json;
pub mod layouts;
pub mod typescript;

/// One number of a record: its name (snake case; camel case in TypeScript) and what it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The field's name.
    pub name: &'static str,
    /// What the number holds.
    pub doc: &'static str,
}

/// A fixed-length record of numbers (a row of an `f64` report or typed array).
pub trait Layout {
    /// The record's name.
    const NAME: &'static str;
    /// What the record describes.
    const DOC: &'static str;
    /// Its numbers, in order.
    const FIELDS: &'static [Field];
}

/// A table of codes: values that cross the boundary as their position in [`CodeTable::ALL`].
pub trait CodeTable: Sized + Copy + PartialEq + 'static {
    /// What the codes stand for.
    const DOC: &'static str;
    /// Every value, in code order (the code is the position).
    const ALL: &'static [Self];
    /// The value's name as JavaScript reads it.
    fn name(self) -> &'static str;
    /// The value's code.
    fn code(self) -> u8 {
        // ALL lists every value, so the position is always found.
        Self::ALL.iter().position(|&value| value == self).unwrap_or(0) as u8
    }
}

/// Declares a record of numbers: a struct with one public field per number, its [`Layout`],
/// `LEN` and `write`, which appends the numbers in declared order. Fields are `f64`, unless the
/// declaration gives each field as `pub name: Type` (a numeric type, written as `f64`).
macro_rules! record {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            $( $(#[doc = $field_doc:literal])* pub $field:ident: $ty:ty, )*
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Default)]
        pub struct $name {
            $( $(#[doc = $field_doc])* pub $field: $ty, )*
        }

        impl $name {
            /// How many numbers one record takes.
            pub const LEN: usize = <Self as $crate::boundary::Layout>::FIELDS.len();

            /// Appends the record's numbers, in declared order.
            #[inline]
            pub fn write(&self, out: &mut Vec<f64>) {
                out.extend([$(self.$field as f64),*]);
            }

            /// Reads a record from its numbers, in declared order (missing ones read as 0).
            pub fn read(numbers: &[f64]) -> Self {
                let mut at = numbers.iter().copied();
                Self { $($field: at.next().unwrap_or_default() as $ty,)* }
            }

            /// Writes the record's numbers over the first ones of `out` (a head filled in last).
            #[inline]
            pub fn write_over(&self, out: &mut [f64]) {
                out[..Self::LEN].copy_from_slice(&[$(self.$field as f64),*]);
            }
        }

        impl $crate::boundary::Layout for $name {
            const NAME: &'static str = stringify!($name);
            const DOC: &'static str = concat!($($doc),*);
            const FIELDS: &'static [$crate::boundary::Field] = &[
                $($crate::boundary::Field { name: stringify!($field), doc: concat!($($field_doc),*) },)*
            ];
        }
    };
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            $( $(#[doc = $field_doc:literal])* $field:ident, )*
        }
    ) => {
        $crate::boundary::record! {
            $(#[doc = $doc])*
            pub struct $name {
                $( $(#[doc = $field_doc])* pub $field: f64, )*
            }
        }
    };
}
pub(crate) use record;

/// Declares a code table: a fieldless enum whose discriminants are the codes, with its
/// [`CodeTable`] (names as JavaScript reads them) and a `Serialize` that writes the name.
macro_rules! code_table {
    (
        $(#[doc = $doc:literal])*
        pub enum $name:ident {
            $( $(#[doc = $variant_doc:literal])* $variant:ident = $js:literal, )*
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $( $(#[doc = $variant_doc])* $variant, )*
        }

        impl $crate::boundary::CodeTable for $name {
            const DOC: &'static str = concat!($($doc),*);
            const ALL: &'static [Self] = &[$(Self::$variant),*];
            fn name(self) -> &'static str {
                match self {
                    $(Self::$variant => $js,)*
                }
            }
            fn code(self) -> u8 {
                self as u8
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str($crate::boundary::CodeTable::name(*self))
            }
        }
    };
}
pub(crate) use code_table;

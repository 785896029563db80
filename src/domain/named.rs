//! Enums saved and carried by a stable name, such as `"existing"`. serde reads each through
//! `String` (`#[serde(try_from = "String", into = "&'static str")]`), so they share one
//! reader rather than a derived one each, which costs about 1 KB of download apiece
//! (measured). `by_name!` writes the two conversions from one table of names.

macro_rules! by_name {
    ($type:ty { $($variant:path => $name:literal),+ $(,)? }) => {
        impl From<$type> for &'static str {
            fn from(value: $type) -> Self {
                match value {
                    $($variant => $name),+
                }
            }
        }

        impl TryFrom<String> for $type {
            type Error = &'static str;
            fn try_from(name: String) -> Result<Self, &'static str> {
                match name.as_str() {
                    $($name => Ok($variant),)+
                    _ => Err("not a name this release knows"),
                }
            }
        }
    };
}

/// The same two conversions for a type that has its names already: `id()` and `from_id()`.
macro_rules! by_id {
    ($type:ty) => {
        impl From<$type> for &'static str {
            fn from(value: $type) -> Self {
                value.id()
            }
        }

        impl TryFrom<String> for $type {
            type Error = &'static str;
            fn try_from(id: String) -> Result<Self, &'static str> {
                <$type>::from_id(&id).ok_or("not an id this release knows")
            }
        }
    };
}

pub(crate) use {by_id, by_name};

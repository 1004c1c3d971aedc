//! What a long table's column names mean.
//!
//! Owns the column vocabulary of a claims table (`source, subject, property, value`, optional
//! `id, quote, cites`, and `qualifier.KEY`), matched case-insensitively, and the did-you-mean
//! of a name that is none of them. It knows nothing of rows.

use crate::suggest;

/// What a column holds.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Field {
    /// The source's id.
    Source,
    /// The claim's subject.
    Subject,
    /// The claim's property.
    Property,
    /// The claim's value.
    Value,
    /// The claim's id.
    Id,
    /// The supporting quote.
    Quote,
    /// Whom the source attributes the claim to.
    Cites,
    /// A qualifier, with its key as written.
    Qualifier(String),
}

/// The column names, as the README and messages give them.
pub const NAMES: &[&str] = &[
    "source",
    "subject",
    "property",
    "value",
    "id",
    "quote",
    "cites",
    "qualifier.KEY",
];

/// The columns every long table must have (`source` defaults to the file name).
pub const REQUIRED: &[Field] = &[Field::Subject, Field::Property, Field::Value];

impl Field {
    /// The field a column name means, ignoring case and surrounding spaces.
    #[must_use]
    pub fn of(name: &str) -> Option<Field> {
        let name = name.trim();
        let lower = name.to_lowercase();
        Some(match lower.as_str() {
            "source" => Field::Source,
            "subject" => Field::Subject,
            "property" => Field::Property,
            "value" => Field::Value,
            "id" => Field::Id,
            "quote" => Field::Quote,
            "cites" => Field::Cites,
            _ => {
                const PREFIX: &str = "qualifier.";
                let key = name
                    .get(..PREFIX.len())
                    .filter(|prefix| prefix.eq_ignore_ascii_case(PREFIX))
                    .and_then(|_| name.get(PREFIX.len()..))?
                    .trim();
                if key.is_empty() {
                    return None;
                }
                Field::Qualifier(key.to_owned())
            }
        })
    }

    /// The name of the column, for messages.
    #[must_use]
    pub fn name(&self) -> &str {
        match self {
            Field::Source => "source",
            Field::Subject => "subject",
            Field::Property => "property",
            Field::Value => "value",
            Field::Id => "id",
            Field::Quote => "quote",
            Field::Cites => "cites",
            Field::Qualifier(key) => key,
        }
    }
}

/// The help for a column name that means nothing.
#[must_use]
pub fn help_for_unknown(name: &str) -> String {
    let help = suggest::help_for(&name.trim().to_lowercase(), NAMES, "column");
    format!("{help} (a qualifier column is named `qualifier.KEY`)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_without_case_and_qualifiers_keep_their_key() {
        assert_eq!(Field::of(" Subject "), Some(Field::Subject));
        assert_eq!(Field::of("VALUE"), Some(Field::Value));
        assert_eq!(
            Field::of("Qualifier.Fiscal Year"),
            Some(Field::Qualifier("Fiscal Year".into()))
        );
        assert_eq!(Field::of("qualifier."), None);
        assert_eq!(Field::of("vlaue"), None);
        assert!(help_for_unknown("vlaue").starts_with("did you mean `value`?"));
    }
}

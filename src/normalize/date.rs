//! Text to [`DateValue`] (DESIGN 2.2). STUB: replaced by the date implementation.

use crate::model::date::DateValue;

/// Why a date could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// What is wrong, e.g. "`the Cold War` is not a date".
    pub message: String,
    /// What to write instead, if there is something to suggest.
    pub hint: Option<String>,
}

/// Parses a date as a source states it; `published` anchors relative dates ("on Thursday").
///
/// # Errors
/// When the text is not a date this parser understands.
pub fn parse_date(text: &str, published: Option<&DateValue>) -> Result<DateValue, DateError> {
    let _ = published;
    Err(DateError {
        message: format!("`{text}` is not a date"),
        hint: None,
    })
}

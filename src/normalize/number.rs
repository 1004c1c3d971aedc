//! Text to [`Quantity`] (DESIGN 2.3). STUB: replaced by the number implementation.

use crate::model::quantity::Quantity;

/// Why a number could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberError {
    /// What is wrong.
    pub message: String,
    /// What to write instead, if there is something to suggest.
    pub hint: Option<String>,
}

/// Parses a number as a source states it ("$55 billion", "2% of GDP", "hundreds of tents").
///
/// # Errors
/// When the text is not a number this parser understands.
pub fn parse_number(text: &str) -> Result<Quantity, NumberError> {
    Err(NumberError {
        message: format!("`{text}` is not a number"),
        hint: None,
    })
}

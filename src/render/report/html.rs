//! The HTML report: one self-contained page (placeholder until the real page lands).

use super::{Context, markdown};

/// The page.
#[must_use]
pub fn render(context: &Context<'_>) -> String {
    let body = markdown::render(context)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>factcheck report</title></head><body><pre>{body}</pre></body></html>\n"
    )
}

//! Status notes that departure boards and timetables write after a time: `6:20 PM
//! (Estimated)`, `7:05 PM Delayed`, `2:53pm*`, `1:10 PM (Estimated runway)`.
//!
//! Owns the one rule for setting such a note aside: at the end of the value, a footnote mark
//! (`*`, `†`, `‡`), or a note, bare or in parentheses, whose every word is one of
//! [`STATUS_WORDS`]. The time is then read, and compared, as stated: an estimated time is
//! what its source says. A note with any other word (`(Cancelled)`, `(Gate B5)`) is left in
//! place, so the value is refused as today, never read as something it may not mean. Also
//! reads a non-breaking space written as HTML (`&nbsp;`, `&nbsp`) as a space, as scraped pages
//! leave it. It must not read times or dates.

use std::borrow::Cow;

/// The words a status note may be made of. Not "cancelled" nor "diverted": a time with such a
/// note did not happen as stated. Not "late" nor "early", which also qualify dates.
pub const STATUS_WORDS: &[&str] = &[
    "estimated",
    "scheduled",
    "actual",
    "expected",
    "revised",
    "updated",
    "runway",
    "delayed",
    "on",
    "time",
    "landed",
    "departed",
    "arrived",
];

/// How many notes are set aside at most (`2:53pm* (Estimated)` holds two).
const MAX_NOTES: usize = 3;

/// `text` without its trailing status notes, and with HTML non-breaking spaces as spaces;
/// borrowed when there is nothing to remove.
#[must_use]
pub fn without_notes(text: &str) -> Cow<'_, str> {
    let spaced = if text.contains("&nbsp") {
        Cow::Owned(text.replace("&nbsp;", " ").replace("&nbsp", " "))
    } else {
        Cow::Borrowed(text)
    };
    let mut end = spaced.trim_end().len();
    for _ in 0..MAX_NOTES {
        match note_start(&spaced[..end]) {
            Some(start) => end = spaced[..start].trim_end().len(),
            None => break,
        }
    }
    match spaced {
        Cow::Borrowed(text) => Cow::Borrowed(&text[..end]),
        Cow::Owned(mut text) => {
            text.truncate(end);
            Cow::Owned(text)
        }
    }
}

/// Where the last note of `text` (trimmed at its end) starts, if it ends with one.
fn note_start(text: &str) -> Option<usize> {
    if let Some(stripped) = text.strip_suffix(['*', '†', '‡']) {
        return Some(stripped.len());
    }
    if let Some(inside) = text.strip_suffix(')') {
        let open = inside.rfind('(')?;
        let words = &inside[open + 1..];
        let whole = inside[..open].trim().is_empty();
        return (has_words(words) && all_status(words) && !whole).then_some(open);
    }
    // A bare note: the status words at the end, after a space.
    let mut start = None;
    for (index, word) in word_starts(text).rev() {
        if is_status(word) {
            start = Some(index);
        } else {
            break;
        }
    }
    // The whole value is never a note.
    start.filter(|&s| !text[..s].trim().is_empty())
}

fn word_starts(text: &str) -> impl DoubleEndedIterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |word| (word.as_ptr() as usize - text.as_ptr() as usize, word))
}

fn has_words(text: &str) -> bool {
    text.split_whitespace().next().is_some()
}

fn all_status(text: &str) -> bool {
    text.split_whitespace().all(is_status)
}

fn is_status(word: &str) -> bool {
    let word = word.trim_end_matches(['.', ',', ':']);
    STATUS_WORDS.iter().any(|s| s.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::without_notes;

    #[test]
    fn notes_at_the_end_are_set_aside() {
        for (text, time) in [
            ("2011-12-01 6:20 PM (Estimated)", "2011-12-01 6:20 PM"),
            (
                "2011-12-01 6:20 PM (Estimated runway)",
                "2011-12-01 6:20 PM",
            ),
            ("2011-12-01 6:20 PM (runway)", "2011-12-01 6:20 PM"),
            (
                "Thu, Dec 1 7:05 PM            Delayed",
                "Thu, Dec 1 7:05 PM",
            ),
            ("Thu, Dec 1 7:05 PM  On Time", "Thu, Dec 1 7:05 PM"),
            ("Dec 1 - 2:53pm*", "Dec 1 - 2:53pm"),
            ("6:20 PM, Dec 1&nbsp(Estimated)", "6:20 PM, Dec 1"),
            ("6:20 PM&nbsp;EST", "6:20 PM EST"),
            ("2:53pm* (Estimated)", "2:53pm"),
            ("13:55", "13:55"),
        ] {
            assert_eq!(without_notes(text), time, "{text}");
        }
    }

    #[test]
    fn other_notes_and_whole_values_stay() {
        for text in [
            "6:20 PM (Cancelled)",
            "6:20 PM (Gate B5)",
            "6:20 PM Diverted",
            "6:20 PM ()",
            "Delayed",
            "On Time",
            "(Estimated)",
            "late 2011",
            "6:20 PM (Estimated",
        ] {
            assert_eq!(without_notes(text), text.trim_end(), "{text}");
        }
    }
}

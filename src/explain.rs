//! The long explanation of every finding code, for `factcheck explain CODE` and SARIF rules.
//!
//! Owns the user documentation of codes: what a finding means, a small example, and how to
//! resolve it. The one-line summaries live with the codes in `findings`; this is the page
//! behind them. Every code has an entry (tested).

use crate::findings::Code;

/// The documentation of one code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Explanation {
    /// What the finding means, in a paragraph.
    pub meaning: &'static str,
    /// A minimal example that produces it.
    pub example: &'static str,
    /// How to resolve it.
    pub resolution: &'static str,
}

/// The explanation of a code.
#[must_use]
#[allow(clippy::too_many_lines)] // one entry per code: a table, not logic
pub fn explain(code: Code) -> Explanation {
    let (meaning, example, resolution) = match code {
        Code::ConflictDate => (
            "Two or more sources give dates for the same single-valued fact that do not overlap, \
             even allowing for how vague each date is. The finding names every claim involved \
             and how far apart the dates are.",
            "ipdf.toml:   subject = \"Japan–NATO relations\", property = \"first contact\", value = \"late 1970s\"\n\
             nato.toml:   subject = \"Japan–NATO relations\", property = \"first contact\", value = \"early 1990s\"\n\
             -> late 1970s (1977–1979) vs early 1990s (1990–1993), about 14 years apart",
            "Check the sources. If the claims are about different things (an informal contact and a \
             formal one), tell them apart with a qualifier both carry with different values, or \
             with different subjects. If a source is wrong, keep its claim as it states it and \
             record a review of the finding saying which source is wrong and why.",
        ),
        Code::ConflictNumber => (
            "Two or more sources give numbers for the same single-valued fact that are further \
             apart than their stated precision and the property's tolerance allow. The gap is \
             in the unit the values were written in (\"100 ft\"), or in the base unit when \
             they were written in different units. When the fact's values come in units that \
             cannot be compared (pounds and dollars), each group of comparable values gets its \
             own finding (\"among amounts in GBP\"); when one source gives two of the values, \
             the message says so.",
            "a.toml: value = \"$55 billion\"\nb.toml: value = \"$70 billion\"\n\
             -> differ by $15 billion (21%)",
            "Check the sources. If the figures are for different years or scopes, add a \
             qualifier (`fiscal_year = \"2024\"`). If rounded figures should agree, set a \
             `tolerance` on the property in rules.toml (`\"5%\"`, or an amount with its unit: \
             `\"10 m\"`). If one source gives several values because the property has several, \
             declare it `cardinality = \"multi\"`. If a source is wrong, record a review.",
        ),
        Code::ConflictValue => (
            "Two or more sources give different names or texts for the same single-valued fact. \
             When one source gives two of the values (\"discovered by: Banting\" and \
             \"discovered by: Best\" in one file), the message says so and the help suggests a \
             multi-valued property.",
            "a.toml: property = \"headed by\", value = \"Osamu Izawa\"\n\
             b.toml: property = \"headed by\", value = \"Masahiro Mikami\"",
            "If both are right at different times, add a qualifier (`period = \"2025\"`). If the \
             property can have several values, declare `cardinality = \"multi\"`. If the names \
             are two spellings of one thing, declare one as an alias of the other. Otherwise \
             record a review saying which source is wrong.",
        ),
        Code::TensionDate => (
            "The dates do not overlap, but they only miss each other within their vagueness: \
             \"early 1990s\" (1990–1993) and \"mid-1990s\" (1994–1996) could both describe 1993 \
             or 1994. This is a warning: the sources may well agree.",
            "a.toml: value = \"early 1990s\"\nb.toml: value = \"mid-1990s\"",
            "Look for a more precise date in the sources. If they do agree, record a review \
             (`decision = \"explained\"`).",
        ),
        Code::NumberIncomparable => (
            "Two numbers for one fact have units or bases that cannot be compared: an \
             ambiguous `$` and USD, a percentage of GDP and one of GNP, a count and an amount \
             of money. factcheck does not guess conversions. The finding names the groups of \
             values that cannot be compared with each other; disagreements within each group \
             are reported on their own, never between two incomparable values.",
            "a.toml: value = \"$5 billion\"\nb.toml: value = \"USD 5 billion\"",
            "Write both values in the same unit when the source allows it (\"USD 5 billion\" if \
             the dollar is known to be the US dollar), or record a review after comparing them \
             by hand.",
        ),
        Code::TimeIncomparable => (
            "Two times for one fact cannot be compared: one gives a time zone (`13:55 CST`, \
             `2011-12-01T13:55-05:00`) and the other gives none and its property declares none \
             (`1:55 PM`). A local time compares with other local times only; factcheck does not \
             guess where it was said. A date with no clock time is read on the other value's \
             wall clock and is never incomparable.",
            "a.toml: value = \"1:55 PM\"\nb.toml: value = \"12:55 PM CST\"",
            "Declare the zone of the property's local times in rules.toml (`[[property]]` \
             `zone = \"-06:00\"`, or an abbreviation such as `\"CST\"`; for a table's values, \
             its `[[table]]` `zone`), or give every value its zone.",
        ),
        Code::NumberAmbiguous => (
            "A number's unit can be read two ways (`5m`: metres or a million; `20 degrees`: \
             Celsius or Fahrenheit; `5 pounds`: sterling or a weight), and neither the \
             value's own text (a currency, a counted noun, `tall`) nor the units of its \
             property's other values decide which. The claim is left out of comparisons; the \
             rest of the run goes on.",
            "a.toml: property = \"budget\", value = \"5m\"\n\
             b.toml: property = \"budget\", value = \"4 km\"\n\
             c.toml: property = \"budget\", value = \"$3 million\"",
            "Write the unit in full (`5 million`, `$5m`, `5 metres`, `20 °C`), as the source \
             means it.",
        ),
        Code::NumberEquivalent => (
            "A value gives an equivalent in another unit in parentheses (`1,000 feet (305 m)`), \
             and the two do not match within their stated precisions and 1%. The first figure \
             is the value that is compared; the finding says the source contradicts itself.",
            "a.toml: value = \"1,000 feet (350 m)\"   (1,000 feet is about 305 m)",
            "Check the source: keep the value as it states it and note the slip, or correct a \
             transcription error in the claim.",
        ),
        Code::NameVariant => (
            "A name is spelt almost like a better supported one (one typo, a few typos in long \
             words, or the same words in another order). Its claims are compared with the \
             canonical name's, and the finding names the canonical spelling and every use of \
             the variant.",
            "isozaki.toml: subject = \"ITTP\"   (elsewhere: \"ITPP\", Individually Tailored \
             Partnership Programme)\n-> `ITTP` looks like a misspelling of `ITPP`",
            "Keep the claim as the source wrote it. If the variant means the canonical name, add \
             it to that entity's `aliases` in rules.toml; if it is a different thing, declare it \
             as its own [[entity]] so it is never merged.",
        ),
        Code::NameAcronym => (
            "A text defines an acronym for an expansion whose initials it is not, as in \
             \"Individually Tailored Partnership Program (ITTP)\". Small words may be skipped, \
             hyphenated words count as several and digits may stand for number words, so this \
             is more than a matter of style. Also reported: one expansion given two different \
             acronyms (\"Individual Partnership and Cooperation Programme (IPCP)\" in one place, \
             \"(IPACP)\" in another), unless rules.toml declares both.",
            "quote = \"the Regional Cooperation Framework (RCP)\"\n\
             -> `RCP` is given as the acronym of `Regional Cooperation Framework`, whose initials are RCF",
            "Check the source. If it misspells the acronym, keep its spelling and declare the \
             acronym as an alias of the entity in rules.toml; if two acronyms are both in use, \
             declare both as aliases.",
        ),
        Code::Order => (
            "An ordering constraint of rules.toml says one fact happened no later than another, \
             and some claims put the first entirely after the second.",
            "rules.toml: [[order]] before = { property = \"founded\" }, after = { property = \"closed\" }\n\
             a.toml: founded = \"1998\"; b.toml: closed = \"1990\"",
            "One of the dates is wrong, or the constraint does not hold for this subject. Check \
             the sources; fix or review the claim, or narrow the constraint to a subject.",
        ),
        Code::DateWeekday => (
            "A claim's value states a weekday and a date, and the date did not fall on that \
             weekday (proleptic Gregorian calendar). One of the two is the source's mistake. \
             The date is kept as written and still takes part in comparisons; a date written \
             without its year (\"Monday, Feb 18\") takes the year, nearest the source's \
             `published` date, in which the weekday fits, so it is never reported.",
            "value = \"Monday, 4 July 1776\"   -> 4 July 1776 was a Thursday, not a Monday",
            "Check the source. Keep the claim as the source states it (the finding documents \
             the source's mistake), or record a review saying which part is wrong.",
        ),
        Code::QuoteNotFound => (
            "A claim's quote is not in its source's text (`[source] text`). Case, runs of \
             spaces and line breaks, curly or straight quotes, dashes, a word hyphenated at a \
             line end and the quote's final punctuation are ignored; `[words]` in brackets are \
             your insertion and stand for up to 16 words of the text or none; `…`, `...`, `[…]` \
             or `[...]` mark an omission of up to 400 words. Anything else must match, in \
             order. The message shows how far the quote matches, the quote's next words and \
             the text's.",
            "quote = \"first taking place in the early 1970s\"  (the text says \"late 1970s\")",
            "Copy the quote from the source text again. If the text file is outdated, update it.",
        ),
        Code::QuoteUnsupported => (
            "A claim's value does not occur in its own quote once both are normalized. A date \
             is supported by a phrase of the quote that reads as a date within the claimed \
             interval (`late 1970s` by \"in the late 1970s\", `2023` by \"in July 2023\"; a \
             span only by itself: `2018-2023` is not in \"2018-2022\"); a \
             number by a number of the quote, read whole with its scale and unit, that falls \
             within the claimed value and precision, a claimed range only by itself (`4` by \
             \"four times\", `2.5 bn` by \
             \"2,500 million\"), but not by one in another unit (\"5 miles\" for `5 km`); a \
             name by its folded words or those of any spelling of the same entity (an alias, an \
             acronym or its expansion). The message gives the quote's nearest candidate.",
            "value = \"2,500\"\nquote = \"some 2,050 troops were deployed\"",
            "Correct the value or the quote, whichever does not match the source. If the quote \
             supports the claim only with context it leaves out, quote the sentence that states \
             the value.",
        ),
        Code::SourceCopy => (
            "Two sources share more than independent sources would: identical quotes (the same \
             words, at least five, after folding case, punctuation, quote marks and dashes) and \
             rare values (the same value, worded alike, that every other source stating the fact \
             contradicts). A pair is reported when it shares at least `min_shared` such pieces \
             (3 by default) making up at least `min_fraction` (0.2) of the smaller source's \
             claims, and neither source declares the other in `derived_from`, directly or \
             through a common ancestor. A pair already linked through other sources (both \
             copy a third, reported first, or both derive from one) is not reported again. \
             Common values everyone agrees on are not evidence: independent sources share true \
             values. A dependent source does not count as independent support in the report.",
            "fletcher-excerpt.toml: quote = \"established an independent permanent mission in January 2025\"\n\
             isozaki-commentary.toml: quote = \"established an independent permanent mission in January 2025\"\n\
             …and four more identical quotes\n\
             -> `fletcher-excerpt` and `isozaki-commentary` look dependent: 6 identical quotes in \
             common (of 12 claims in the smaller)",
            "If one source copies or excerpts the other, declare it: `derived_from = [\"isozaki-commentary\"]` \
             under [source] of the copy. Otherwise check whether both copy a third source (declare \
             that source in both, adding a claims file for it if needed), or remove the \
             duplicated claims. The thresholds are `min_shared` and `min_fraction` under \
             [copies] in rules.toml.",
        ),
        Code::ReviewStale => (
            "A review no longer matches a finding: a claim it covers has changed its value or \
             has disappeared, or the finding now involves a claim with a value the review did not \
             see, or the disagreement is gone. A new source that agrees with one of the reviewed \
             values (states, refines or overlaps it) does not make it stale. The message names \
             each claim that changed or joined, and the help gives the `factcheck review` command \
             that records the review again. \
             The finding, if there still is one, counts again; the review is kept for you to \
             update or remove.",
            "reviews.toml: claims = [{ claim = \"ipdf#first-contact\", value = \"1977/1979\" }, …]\n\
             ipdf.toml now says value = \"early 1980s\"\n             -> a review of factcheck::conflict::date no longer matches: `ipdf#first-contact` now \
             says early 1980s (1980/1983; reviewed: 1977/1979)",
            "Look at the finding again. If your decision still holds, remove the stale review and \
             run the command the help gives (`factcheck review FINGERPRINT --decision … --reason \
             …`, with the finding's fingerprint as it is now); if the finding is gone, remove the \
             review.",
        ),
        Code::ReviewExpired => (
            "A review has an `expires` date that has passed, so the finding it explained counts \
             again, and this error says why. Expiry forces decisions such as \"unresolved\" to be \
             looked at again.",
            "expires = 2026-01-31   (and today is later)",
            "Review the finding again and write a new review (with a new expiry, if it should \
             have one), or fix the data.",
        ),
        Code::LoadIo => (
            "A file or directory could not be read: the claims directory does not exist, a \
             `--rules` file is missing, or a source text named by `text` cannot be opened.",
            "factcheck check nowhere/",
            "Pass an existing path, fix the permissions, or correct the `text` path (it is \
             relative to the claims file). With no dataset yet, `factcheck init` starts one.",
        ),
        Code::LoadEncoding => (
            "A file is not valid UTF-8. The diagnostic points at the first byte that is not. In a \
             table of claims, the row that holds it is left out and the other rows are read.",
            "a claims file saved as Latin-1: title = \"Caf\\xe9 review\"",
            "Save the file as UTF-8.",
        ),
        Code::LoadSyntax => (
            "A file is not valid TOML. Every syntax error is reported, and the parts of the file \
             that could be read are still checked, except the tables that hold an error.",
            "title = \"Broken\n(a string that is never closed)",
            "Fix the TOML syntax at the place shown.",
        ),
        Code::LoadRow => (
            "A row of a claims table cannot be read: it has more or fewer cells than the header \
             has columns, a quoted cell is never closed or has text after its closing quote, a \
             JSON Lines line is not a JSON object, or the header names a column twice. The row \
             is left out and every other row is still read.",
            "subject,property,value\nParis,population,2,100,000   (four cells, three columns)",
            "Give the row one cell per column; in a CSV file, quote a cell that holds a comma \
             (\"2,100,000\") and write a quote inside a quoted cell as \"\".",
        ),
        Code::LoadUnknownKey => (
            "A key that the claims file or rules.toml format does not have, usually a typo. \
             Every unknown key is reported, with the closest known key.",
            "[[claim]]\nsubjet = \"Japan\"   -> did you mean `subject`?",
            "Correct the key. The formats are described in the README, and `factcheck schema` \
             gives JSON Schemas an editor can complete and check against.",
        ),
        Code::LoadType => (
            "A value has the wrong type (a number where a string is expected, an array as a \
             claim's value) or is not one of the allowed words (`type = \"dat\"`).",
            "property = 3\nvalue = [\"1998\", \"1999\"]",
            "Write the value as the message says. A claim states one value: several values are \
             several claims (and `cardinality = \"multi\"` on the property).",
        ),
        Code::LoadMissing => (
            "A required key or table is missing: a claims file without [source], a source \
             without `title` or `publisher`, a claim without `subject`, `property` or `value`.",
            "[[claim]]\nsubject = \"Example Institute\"\nproperty = \"founded\"",
            "Add the missing key.",
        ),
        Code::LoadEmpty => (
            "A subject, property, value, qualifier, id or name in rules.toml is empty or only \
             spaces. The claim is left out of the comparison.",
            "subject = \"\"",
            "Write the missing text, or remove the claim.",
        ),
        Code::LoadTooLong => (
            "A source id, claim id, subject, property, value or qualifier is longer than 2,048 \
             bytes. Such a field is a mistake (a paragraph pasted into `value`, a table's \
             columns shifted) or an attack on the log that repeats it in every message. The \
             claim is left out of the comparison, and only the field's start is shown.",
            "value = \"In 1936 the dam, which had been under construction since …(3,000 words)\"",
            "Put the value alone in `value` and the passage in `quote`, or fix the table's \
             columns.",
        ),
        Code::LoadDuplicateId => (
            "Two claims of one source have the same id, in one file or (for a source whose \
             table rows span files) in two. Ids address claims (`SOURCE#ID`) in findings, \
             reviews and baselines, so they must be unique within a source.",
            "[[claim]]\nid = \"founded\"\n…\n[[claim]]\nid = \"founded\"",
            "Give each claim its own id.",
        ),
        Code::LoadDuplicateSource => (
            "Two claims files have the same source id (an explicit `id` under [source], or the \
             same file name in two subdirectories), or a source is declared both by its claims \
             file and in the sources table (`sources.csv`, `sources.toml`), or twice there.",
            "claims/a.toml and claims/b.toml both with [source] id = \"press\"",
            "Give one of them another id.",
        ),
        Code::LoadUnknownName => (
            "A reference to something that does not exist: a `derived_from` source id, a \
             `separators` qualifier key no claim uses, or a subject or property in an [[order]] \
             that no claim or declaration has. The closest existing name is suggested.",
            "derived_from = [\"alpah\"]   -> did you mean `alpha`?",
            "Correct the reference.",
        ),
        Code::LoadDate => (
            "A value that must be a date cannot be read as one: its property is declared \
             `type = \"date\"`, or it is a relative date (\"on Thursday\") or a date without its \
             year (\"March 3\") in a source with no `published` date, or it is impossible (\"February 30, 2020\", \"since 2030\" in an \
             article of 2025), or it is a time of day (\"at 1030\") in a property that is not \
             `type = \"datetime\"`; in a date-time property, a value whose date or clock time \
             cannot be read (\"25:10\", \"July 2023 13:55\"). A weekday that does not \
             match its date is `factcheck::date::weekday` instead.",
            "value = \"the Cold War\"   (property declared as a date)",
            "Write the date in one of the forms the README lists, add `published` to the \
             source for relative dates, or change the property's type.",
        ),
        Code::LoadNumber => (
            "A value that must be a number cannot be read as one: its property is declared \
             `type = \"number\"`.",
            "value = \"a great deal of money\"   (property declared as a number)",
            "Write the number in one of the forms the README lists, or change the property's \
             type.",
        ),
        Code::LoadRules => (
            "rules.toml contradicts itself: a name declared for two entities, or an ordering \
             constraint on a property that does not hold dates.",
            "[[entity]] name = \"Example Institute\", aliases = [\"EI\"]\n\
             [[entity]] name = \"Example Initiative\", aliases = [\"EI\"]",
            "Remove one of the two declarations, or fix the constraint.",
        ),
        Code::LoadNoClaims => (
            "The claims directory holds no claims file (`.toml`, or a table: `.csv`, `.tsv`, \
             `.jsonl`): there is nothing to check, and \
             factcheck says so instead of passing silently.",
            "factcheck check empty-directory/",
            "Add one claims file per source, or point factcheck at the right directory. To \
             start a dataset, `factcheck init` writes an example claims file, its source text \
             and a commented rules.toml.",
        ),
    };
    Explanation {
        meaning,
        example,
        resolution,
    }
}

/// The whole page for a code, as `factcheck explain` prints it.
#[must_use]
pub fn page(code: Code) -> String {
    let explanation = explain(code);
    let example = explanation
        .example
        .lines()
        .map(|line| format!("    {line}"))
        .collect::<Vec<_>>()
        .join("\n");
    format!(
        "{code} ({severity} by default)\n\n{summary}\n\n{meaning}\n\nExample:\n{example}\n\nHow to resolve it:\n{resolution}\n",
        severity = code.default_severity(),
        summary = code.summary(),
        meaning = explanation.meaning,
        resolution = explanation.resolution,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_explained() {
        for &code in Code::ALL {
            let explanation = explain(code);
            assert!(explanation.meaning.len() > 40, "{code}");
            assert!(!explanation.example.is_empty(), "{code}");
            assert!(explanation.resolution.len() > 10, "{code}");
            assert!(page(code).starts_with(code.as_str()));
        }
    }

    #[test]
    fn no_dataset_points_at_init() {
        for code in [Code::LoadNoClaims, Code::LoadIo] {
            assert!(page(code).contains("`factcheck init`"), "{code}");
        }
    }
}

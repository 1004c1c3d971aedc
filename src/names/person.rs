//! Person names: titles, "Surname, Given" order, and initials.
//!
//! Owns reading a name as a person's ("General George Marshall", "Knuth, Donald E.", "D. E.
//! Knuth") and the two relations `names` uses: [`compatible`] (the same person written more
//! or less fully: "D. Knuth" and "Donald Ervin Knuth") and [`given_name_slip`] (a given name
//! misspelt by one or two letters while the surname matches exactly: "Steven Hawking" and
//! "Stephen Hawking"). It does not decide entities: a compatible pair is linked, and a slip
//! is a fuzzy match that needs evidence, only in `names`.
//!
//! A name reads as a person's when, once leading titles ([`TITLES`]) and trailing suffixes
//! ("Jr.", "III") are set aside, it has two to five words, each capitalized as written or an
//! initial, except lower-case surname particles ("van", "de"); or it is "Surname, Given" with
//! one comma. Lower-case data ("alma, kansas") is never read as a person's name.

use crate::text::fold::concat_words;

/// Titles set aside before a name (folded, without their point): civil, military, academic,
/// religious, royal. Several may stand together ("Lt. Gen.", "Vice President").
pub const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "doctor",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "rev",
    "reverend",
    "fr",
    "father",
    "president",
    "vice",
    "general",
    "gen",
    "lieutenant",
    "lt",
    "colonel",
    "col",
    "major",
    "maj",
    "captain",
    "capt",
    "commander",
    "cmdr",
    "admiral",
    "adm",
    "rear",
    "sergeant",
    "sgt",
    "corporal",
    "cpl",
    "private",
    "pvt",
    "field",
    "marshal",
    "brigadier",
    "brig",
    "senator",
    "sen",
    "representative",
    "rep",
    "congressman",
    "congresswoman",
    "governor",
    "gov",
    "mayor",
    "judge",
    "justice",
    "chief",
    "king",
    "queen",
    "prince",
    "princess",
    "duke",
    "duchess",
    "earl",
    "baron",
    "baroness",
    "emperor",
    "empress",
    "pope",
    "sheikh",
    "chancellor",
    "prime",
    "minister",
    "secretary",
    "ambassador",
    "hon",
    "honourable",
    "honorable",
];

/// Titles that are also given names or surnames ("Earl Warren", "Duke Ellington", "Hammond,
/// Earl"): set aside only when a given name remains after them.
const NAME_TITLES: &[&str] = &[
    "earl",
    "duke",
    "king",
    "prince",
    "major",
    "judge",
    "justice",
    "marshal",
    "miss",
    "lady",
    "lord",
    "dame",
    "chancellor",
    "governor",
    "private",
    "baron",
    "queen",
    "princess",
];

/// Suffixes set aside after a name.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"];

/// Lower-case words that belong to a surname ("Ludwig van Beethoven").
const PARTICLES: &[&str] = &[
    "van", "von", "de", "da", "del", "della", "der", "den", "di", "du", "la", "le", "bin", "ibn",
    "al", "ter", "ten", "dos", "das",
];

/// A given name: written out, or an initial.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Given {
    /// An initial, folded ("D." is `d`).
    Initial(char),
    /// A whole name, folded.
    Full(String),
}

/// A name read as a person's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The titles set aside, as written ("Gen.").
    pub titles: Vec<String>,
    /// Given names in order (may be empty: "President Lincoln").
    pub given: Vec<Given>,
    /// The surname, folded, particles included (`vanbeethoven`).
    pub surname: String,
}

impl Person {
    /// The folded key of the name without its titles, for an exact lookup.
    #[must_use]
    pub fn key(&self) -> String {
        let mut key = String::new();
        for given in &self.given {
            match given {
                Given::Initial(c) => key.push(*c),
                Given::Full(name) => key.push_str(name),
            }
        }
        key.push_str(&self.surname);
        key
    }
}

/// Reads a name as a person's, when it looks like one (see the module docs).
#[must_use]
pub fn parse(text: &str) -> Option<Person> {
    let text = text.trim();
    if text.len() > 120 {
        return None;
    }
    let mut tokens: Vec<&str> = match text.split_once(',') {
        Some((surname, given)) => {
            if given.contains(',') || surname.trim().is_empty() || given.trim().is_empty() {
                return None;
            }
            given
                .split_whitespace()
                .chain(surname.split_whitespace())
                .collect()
        }
        None => text.split_whitespace().collect(),
    };
    let mut titles = Vec::new();
    let inverted = text.contains(',');
    while tokens.len() >= 2 {
        let first = concat_words(tokens[0]);
        if !TITLES.contains(&first.as_str()) {
            break;
        }
        // Only a title followed by a given name and a surname may be a given name itself, and
        // in "Surname, Given" order what follows the comma is the given names.
        let also_a_name = NAME_TITLES.contains(&first.as_str());
        if (tokens.len() < 3 && (also_a_name || inverted)) || !starts_upper(tokens[0]) {
            break;
        }
        titles.push(tokens.remove(0).to_owned());
    }
    while tokens.len() >= 2
        && tokens
            .last()
            .is_some_and(|t| SUFFIXES.contains(&concat_words(t).as_str()))
    {
        tokens.pop();
    }
    let mut words: Vec<(String, bool)> = Vec::new();
    for token in tokens {
        // "D.E." is two initials.
        if token.contains('.')
            && token.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
            && token.split('.').all(|p| p.chars().nth(1).is_none())
        {
            for letter in token.chars().filter(|c| c.is_alphabetic()) {
                words.push((letter.to_lowercase().collect(), true));
            }
            continue;
        }
        if !token
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
        {
            return None;
        }
        let word = concat_words(token);
        if word.is_empty() {
            return None;
        }
        if PARTICLES.contains(&word.as_str()) && !starts_upper(token) {
            words.push((word, false));
            continue;
        }
        if !starts_upper(token) {
            return None;
        }
        words.push((word, true));
    }
    let surname_start = surname_start(&words)?;
    if !(1..=5).contains(&words.len()) || (words.len() == 1 && titles.is_empty()) {
        return None;
    }
    let surname: String = words[surname_start..]
        .iter()
        .map(|(w, _)| w.as_str())
        .collect();
    let given = words[..surname_start]
        .iter()
        .map(|(w, _)| {
            let mut chars = w.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Given::Initial(c),
                _ => Given::Full(w.clone()),
            }
        })
        .collect();
    Some(Person {
        titles,
        given,
        surname,
    })
}

/// Whether [`parse`] may find a title in a name: its first given word is one of [`TITLES`].
/// A cheap test for callers that only want titled names.
#[must_use]
pub fn may_have_title(text: &str) -> bool {
    let text = text.trim();
    let given = text.split_once(',').map_or(text, |(_, given)| given);
    given
        .split_whitespace()
        .next()
        .is_some_and(|first| TITLES.contains(&concat_words(first).as_str()))
}

/// Where the surname begins: the last word, with the particles before it.
fn surname_start(words: &[(String, bool)]) -> Option<usize> {
    let mut start = words.len().checked_sub(1)?;
    if words[start].0.chars().count() < 2 {
        return None;
    }
    while start > 0 && !words[start - 1].1 {
        start -= 1;
    }
    Some(start)
}

fn starts_upper(token: &str) -> bool {
    token.chars().next().is_some_and(char::is_uppercase)
}

/// Whether two given names can be the same: equal, or an initial and a name it begins.
fn given_compatible(a: &Given, b: &Given) -> bool {
    match (a, b) {
        (Given::Initial(x), Given::Initial(y)) => x == y,
        (Given::Initial(x), Given::Full(name)) | (Given::Full(name), Given::Initial(x)) => {
            name.starts_with(*x)
        }
        (Given::Full(x), Given::Full(y)) => x == y,
    }
}

/// Whether `short` is `full` written less fully: the same surname, no more given names, and
/// each given name `short` writes agreeing with `full`'s at the same place: the same name, or
/// an initial of it ("D. E. Knuth" and "Donald Knuth" are reductions of "Donald Ervin Knuth";
/// "Donald Ervin Knuth" is not one of "D. E. Knuth"). A name with no given name ("President
/// Lincoln") is a reduction of none and has none: a surname alone is not a person.
#[must_use]
pub fn reduces_to(short: &Person, full: &Person) -> bool {
    short.surname == full.surname
        && !short.given.is_empty()
        && short.given.len() <= full.given.len()
        && short.given.iter().zip(&full.given).all(|pair| match pair {
            (Given::Initial(x), Given::Initial(y)) => x == y,
            (Given::Initial(x), Given::Full(name)) => name.starts_with(*x),
            (Given::Full(x), Given::Full(y)) => x == y,
            (Given::Full(_), Given::Initial(_)) => false,
        })
}

/// A name that is a surname alone ("Knuth", "KNUTH", "O'Leary"), folded as [`Person::surname`]
/// is (`oleary`); `None` for anything else (two words, a title, digits, lower case). Only
/// within one list of people (a book's authors) may it be read as the one person of that
/// surname the list holds: across a dataset a surname alone is not a person.
#[must_use]
pub fn bare_surname(text: &str) -> Option<String> {
    let text = text.trim().trim_end_matches('.');
    let mut words = text.split_whitespace();
    let word = words.next()?;
    if words.next().is_some()
        || !starts_upper(word)
        || word.chars().any(|c| c.is_ascii_digit() || c == ',')
    {
        return None;
    }
    let folded = concat_words(word);
    if folded.chars().count() < 2
        || TITLES.contains(&folded.as_str())
        || SUFFIXES.contains(&folded.as_str())
    {
        return None;
    }
    Some(folded)
}

/// Whether two person names can be the same person: one is the other written less fully.
#[must_use]
pub fn compatible(a: &Person, b: &Person) -> bool {
    reduces_to(a, b) || reduces_to(b, a)
}

/// Whether two person names differ only by a misspelt first given name, and by how many
/// edits (1 or 2): the same surname, both first given names written out and at most two
/// edits apart, the other given names agreeing ("Steven Hawking", "Stephen Hawking"; not
/// "Lucy Hawking").
#[must_use]
pub fn given_name_slip(a: &Person, b: &Person) -> Option<u32> {
    if a.surname != b.surname || a.given.len() != b.given.len() {
        return None;
    }
    let (Some(Given::Full(x)), Some(Given::Full(y))) = (a.given.first(), b.given.first()) else {
        return None;
    };
    let shorter = x.chars().count().min(y.chars().count());
    let edits = strsim::osa_distance(x, y);
    // Two edits only where the name is long enough to survive them.
    let allowed = if shorter >= 5 { 2 } else { 1 };
    let rest = a.given[1..]
        .iter()
        .zip(&b.given[1..])
        .all(|(p, q)| given_compatible(p, q));
    (edits >= 1 && edits <= allowed && rest).then(|| u32::try_from(edits).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_surname_alone_is_read_as_one_folded_word() {
        use super::bare_surname;
        assert_eq!(bare_surname("Knuth").as_deref(), Some("knuth"));
        assert_eq!(bare_surname(" KNUTH ").as_deref(), Some("knuth"));
        assert_eq!(bare_surname("O'Leary").as_deref(), Some("oleary"));
        assert_eq!(bare_surname("Stützle").as_deref(), Some("stutzle"));
        let surname = super::parse("Thomas Stützle").map(|p| p.surname);
        assert_eq!(surname.as_deref(), Some("stutzle"));
        for not in [
            "Donald Knuth",
            "Knuth, D.",
            "knuth",
            "President",
            "Jr.",
            "X",
            "3M",
            "",
        ] {
            assert_eq!(bare_surname(not), None, "{not}");
        }
    }

    use proptest::strategy::Strategy as _;

    use super::*;

    fn person(text: &str) -> Person {
        parse(text).unwrap_or_else(|| panic!("{text:?} is a person's name"))
    }

    #[test]
    fn the_title_test_finds_every_title_parse_finds() {
        for text in [
            "General George Marshall",
            "Marshall, Gen. George",
            " Dr. Jane Roe",
            "Lt. Gen. Leslie Groves",
            "President Lincoln",
        ] {
            assert!(may_have_title(text), "{text}");
        }
        for text in [
            "George Marshall",
            "Marshall, George",
            "Knuth, Donald E.",
            "",
            ",",
        ] {
            assert!(!may_have_title(text), "{text}");
        }
    }

    fn title_case(text: &str) -> String {
        text.split(' ')
            .map(|word| {
                let mut chars = word.chars();
                chars
                    .next()
                    .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    proptest::proptest! {
        #[test]
        fn a_name_parse_finds_titled_passes_the_title_test(
            words in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(TITLES.to_vec()).prop_map(str::to_owned),
                    "[A-Z][a-z]{0,6}\\.?",
                    "[a-z]{1,5}",
                    proptest::strategy::Just(",".to_owned()),
                ],
                0..6,
            ),
        ) {
            let text = words.join(" ");
            for text in [text.clone(), title_case(&text)] {
                let titled = parse(&text).is_some_and(|p| !p.titles.is_empty());
                proptest::prop_assert!(!titled || may_have_title(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn titles_are_set_aside() {
        for (titled, plain) in [
            ("General George Marshall", "George Marshall"),
            ("Sir Isaac Newton", "Isaac Newton"),
            ("Dr. Jane Roe", "Jane Roe"),
            ("Lt. Gen. Leslie Groves", "Leslie Groves"),
            ("Vice President Kamala Harris", "Kamala Harris"),
            ("Prof. Marie Curie", "Marie Curie"),
        ] {
            let (t, p) = (person(titled), person(plain));
            assert_eq!(t.key(), p.key(), "{titled}");
            assert!(!t.titles.is_empty());
            assert!(compatible(&t, &p), "{titled}");
        }
        let president = person("President Lincoln");
        assert!(president.given.is_empty());
        assert_eq!(president.key(), "lincoln");
        // Titles that are also names stay names when no given name would follow.
        for text in [
            "Hammond, Earl",
            "Earl Hammond",
            "Duke Ellington",
            "Marshall, General",
        ] {
            let found = person(text);
            assert!(found.titles.is_empty(), "{text}: {found:?}");
            assert_eq!(found.given.len(), 1, "{text}");
        }
        assert_eq!(person("Earl Grey Smith").titles, vec!["Earl"]);
    }

    #[test]
    fn surname_first_and_initials_are_the_same_person() {
        let full = person("Donald Ervin Knuth");
        for other in [
            "Knuth, Donald E.",
            "Donald E. Knuth",
            "D. E. Knuth",
            "D.E. Knuth",
            "D. Knuth",
            "Donald Knuth",
            "Knuth, D.",
        ] {
            assert!(compatible(&person(other), &full), "{other}");
        }
        assert!(!compatible(&person("Dan Knuth"), &full));
        assert!(reduces_to(&person("D. E. Knuth"), &full));
        assert!(!reduces_to(&full, &person("D. E. Knuth")));
        assert!(
            !compatible(&person("Jones, L.Q."), &person("Jones, LaKisha")),
            "more initials than the full name has names"
        );
        assert!(!compatible(&person("D. F. Knuth"), &full));
        assert!(!compatible(&person("Donald Trump"), &full));
        assert_eq!(person("Ludwig van Beethoven").surname, "vanbeethoven");
        assert_eq!(
            person("Martin Luther King Jr.").key(),
            person("Martin Luther King").key()
        );
    }

    #[test]
    fn people_who_share_a_surname_stay_apart() {
        let stephen = person("Stephen Hawking");
        assert!(!compatible(&person("Lucy Hawking"), &stephen));
        assert_eq!(given_name_slip(&person("Lucy Hawking"), &stephen), None);
        assert!(!compatible(
            &person("George Marshall"),
            &person("Thurgood Marshall")
        ));
        assert_eq!(
            given_name_slip(&person("George Marshall"), &person("Thurgood Marshall")),
            None
        );
        assert_eq!(
            given_name_slip(&person("Steven Hawking"), &stephen),
            Some(2)
        );
        assert_eq!(
            given_name_slip(&person("Jon Smith"), &person("John Smith")),
            Some(1)
        );
        assert_eq!(
            given_name_slip(&person("Jon Smith"), &person("Joan Smyth")),
            None,
            "the surname must match exactly"
        );
        assert_eq!(
            given_name_slip(&person("Ann Lee"), &person("Amy Lee")),
            None,
            "two edits in a short name is another name"
        );
    }

    #[test]
    fn places_acronyms_and_lower_case_data_are_not_people() {
        for text in [
            "alma, kansas",
            "owen township, jackson county, indiana",
            "NATO",
            "Taepodong-1",
            "Japan's 2022 National Security Strategy",
            "George",
            "",
            "Mr.",
            "A, B, C",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
    }

    mod pipeline {
        use crate::findings::Code;
        use crate::testing::{check, codes, source, with_code};

        #[test]
        fn titled_inverted_and_initialled_names_are_one_person() {
            let a = source(&[
                ("General George Marshall", "born", "1880"),
                ("Knuth, Donald E.", "born", "1938"),
                ("Sir Isaac Newton", "born", "1643"),
            ]);
            let b = source(&[
                ("George Marshall", "born", "1881"),
                ("D. E. Knuth", "born", "1937"),
                ("Isaac Newton", "born", "1643"),
                ("Thurgood Marshall", "born", "1908"),
            ]);
            let checked = check(&[("a", &a), ("b", &b)], None);
            assert_eq!(
                codes(&checked),
                vec![Code::ConflictDate, Code::ConflictDate],
                "{:#?}",
                checked.findings
            );
        }

        #[test]
        fn a_misspelt_given_name_is_a_variant_and_a_relative_is_not() {
            let a = source(&[("Stephen Hawking", "born", "1942")]);
            let b = source(&[
                ("Stephen Hawking", "born", "1942"),
                ("Lucy Hawking", "born", "1970"),
            ]);
            let c = source(&[("Steven Hawking", "born", "1942")]);
            let checked = check(&[("a", &a), ("b", &b), ("c", &c)], None);
            let variants = with_code(&checked, Code::NameVariant);
            assert_eq!(variants.len(), 1, "{:#?}", checked.findings);
            assert!(variants[0].message.contains("`Steven Hawking`"));
            assert_eq!(codes(&checked), vec![Code::NameVariant]);
        }

        #[test]
        fn a_finding_about_a_titled_name_says_the_title_is_set_aside() {
            let a = source(&[("Prof. Stephen Hawking", "born", "1942")]);
            let b = source(&[("Prof. Stephen Hawking", "born", "1942")]);
            let c = source(&[("Prof. Steven Hawking", "born", "1942")]);
            let checked = check(&[("a", &a), ("b", &b), ("c", &c)], None);
            let variants = with_code(&checked, Code::NameVariant);
            assert_eq!(variants.len(), 1, "{:#?}", checked.findings);
            let help = variants[0].help.as_deref().unwrap_or_default();
            assert!(help.contains("`Prof.` is a title"), "{help}");
        }

        #[test]
        fn an_initial_shared_by_two_people_joins_neither() {
            let a = source(&[
                ("Donald Knuth", "born", "1938"),
                ("D. Knuth", "born", "1950"),
            ]);
            let b = source(&[("Dan Knuth", "born", "1960")]);
            let checked = check(&[("a", &a), ("b", &b)], None);
            assert!(codes(&checked).is_empty(), "{:#?}", checked.findings);
        }
    }
}

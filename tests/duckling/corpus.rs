//! Duckling's English corpora, read from the vendored Haskell files (`tests/data/duckling`).
//!
//! Owns turning `allExamples` of each `Duckling/<Dimension>/EN/Corpus.hs` into phrases with
//! Duckling's expected value, and the rules that leave phrases out of the date category; it
//! marks the amount phrases written in a form of chat or speech by the rules of `shorthand`.
//! It must not run factcheck or judge its readings (`measure`).
//!
//! Only `allExamples` (the `corpus` export) is read: not the negative, latent, diff or
//! `defaultCorpus`-only examples, which Duckling itself tests under other options or another
//! reference time. A commented-out phrase (`-- , "…"`) is not read.

use std::fmt;
use std::path::Path;

use crate::shorthand::{Shorthand, shorthand};

/// The eight dimensions measured, in table order.
pub const DIMENSIONS: [Dimension; 8] = [
    Dimension::Time,
    Dimension::AmountOfMoney,
    Dimension::Distance,
    Dimension::Numeral,
    Dimension::Quantity,
    Dimension::Duration,
    Dimension::Volume,
    Dimension::Temperature,
];

/// A Duckling dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dimension {
    Time,
    AmountOfMoney,
    Distance,
    Numeral,
    Quantity,
    Duration,
    Volume,
    Temperature,
}

impl Dimension {
    /// Duckling's name for it, as in the corpus path.
    pub fn duckling(self) -> &'static str {
        match self {
            Dimension::Time => "Time",
            Dimension::AmountOfMoney => "AmountOfMoney",
            Dimension::Distance => "Distance",
            Dimension::Numeral => "Numeral",
            Dimension::Quantity => "Quantity",
            Dimension::Duration => "Duration",
            Dimension::Volume => "Volume",
            Dimension::Temperature => "Temperature",
        }
    }

    /// The category name in factcheck's table and to-do lists.
    pub fn category(self) -> &'static str {
        match self {
            Dimension::Time => "dates",
            Dimension::AmountOfMoney => "money",
            Dimension::Distance => "distance",
            Dimension::Numeral => "numeral",
            Dimension::Quantity => "quantity",
            Dimension::Duration => "duration",
            Dimension::Volume => "volume",
            Dimension::Temperature => "temperature",
        }
    }

    /// The vendored corpus file, relative to the data directory.
    pub fn path(self) -> String {
        format!("Duckling/{}/EN/Corpus.hs", self.duckling())
    }
}

/// A Duckling time grain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grain {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

impl Grain {
    fn parse(word: &str) -> Option<Grain> {
        Some(match word {
            "Second" => Grain::Second,
            "Minute" => Grain::Minute,
            "Hour" => Grain::Hour,
            "Day" => Grain::Day,
            "Week" => Grain::Week,
            "Month" => Grain::Month,
            "Quarter" => Grain::Quarter,
            "Year" => Grain::Year,
            _ => return None,
        })
    }

    /// Finer than a day: the value names a time of day.
    pub fn is_clock(self) -> bool {
        matches!(self, Grain::Second | Grain::Minute | Grain::Hour)
    }
}

impl fmt::Display for Grain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

/// A calendar day as Duckling writes it (the time of day is kept only to tell clock times).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Civil {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl fmt::Display for Civil {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Duckling's expected value for an amount: a point or a range in one unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Range {
    /// `simple U v`.
    Exact(f64),
    /// `between U (a, b)`.
    Between(f64, f64),
    /// `under U v`: at most v.
    Under(f64),
    /// `above U v`: at least v.
    Above(f64),
}

impl fmt::Display for Range {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Range::Exact(v) => write!(f, "{v}"),
            Range::Between(a, b) => write!(f, "{a}..{b}"),
            Range::Under(v) => write!(f, "<= {v}"),
            Range::Above(v) => write!(f, ">= {v}"),
        }
    }
}

/// What Duckling reads a phrase as.
#[derive(Debug, Clone, PartialEq)]
pub enum Expected {
    /// `datetime (y, m, d, h, mi, s) Grain`: the grain period that starts at the instant.
    Instant { at: Civil, grain: Grain },
    /// `datetimeInterval ((from), (to)) Grain`: from `from`, up to but excluding `to`.
    Interval {
        from: Civil,
        to: Civil,
        grain: Grain,
    },
    /// `datetimeOpenInterval After|Before (t) Grain`.
    Open {
        after: bool,
        at: Civil,
        grain: Grain,
    },
    /// `NumeralValue v`.
    Number(f64),
    /// `DurationData v Grain`.
    Duration { value: f64, grain: Grain },
    /// `simple|between|under|above Unit … [(Just "product")]` (money, distance, quantity,
    /// volume, temperature). The product ("of meat") is kept for the lists only.
    Amount {
        unit: String,
        range: Range,
        product: Option<String>,
    },
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expected::Instant { at, grain } => write!(f, "{at} ({grain})"),
            Expected::Interval { from, to, grain } => write!(f, "{from} to before {to} ({grain})"),
            Expected::Open { after, at, grain } => {
                let side = if *after { "from" } else { "before" };
                write!(f, "{side} {at} ({grain}), open")
            }
            Expected::Number(v) => write!(f, "{v}"),
            Expected::Duration { value, grain } => write!(f, "{value} {grain}"),
            Expected::Amount {
                unit,
                range,
                product,
            } => {
                write!(f, "{range} {unit}")?;
                if let Some(product) = product {
                    write!(f, " of {product}")?;
                }
                Ok(())
            }
        }
    }
}

/// One phrase of a corpus with Duckling's reading.
#[derive(Debug, Clone)]
pub struct Example {
    pub dimension: Dimension,
    /// The phrase, as Duckling's corpus writes it.
    pub phrase: String,
    pub expected: Expected,
    /// Why the phrase is left out of its category, if it is.
    pub excluded: Option<Exclusion>,
    /// The form of chat or speech an amount phrase is written in, if it is one: measured,
    /// but left out of the figures for news and reference texts.
    pub shorthand: Option<Shorthand>,
    /// 1-based line of the phrase in the vendored file.
    pub line: usize,
}

/// Why a phrase is left out of the measure (the date category only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exclusion {
    /// Duckling reads a holiday (`datetimeHoliday`, `datetimeIntervalHoliday`).
    Holiday,
    /// Duckling reads a time of day: its grain is an hour, a minute or a second.
    Clock,
}

impl fmt::Display for Exclusion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Exclusion::Holiday => "holiday",
            Exclusion::Clock => "clock time",
        })
    }
}

/// Reads every dimension's corpus under `data`.
pub fn read_all(data: &Path) -> Result<Vec<Example>, String> {
    let mut all = Vec::new();
    for dimension in DIMENSIONS {
        let path = data.join(dimension.path());
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        all.extend(read(dimension, &text).map_err(|e| format!("{}: {e}", path.display()))?);
    }
    Ok(all)
}

/// Reads the `allExamples` of one corpus file.
pub fn read(dimension: Dimension, text: &str) -> Result<Vec<Example>, String> {
    let start = if text.starts_with("allExamples = ") {
        0
    } else {
        text.find("\nallExamples = ")
            .ok_or("no `allExamples = ` definition")?
            + 1
    };
    let mut lexer = Lexer { text, pos: start };
    // `allExamples = concat [ examples (…) […], … ]`, ending at the next top-level definition.
    let mut examples = Vec::new();
    while let Some(token) = lexer.next()? {
        match token.kind {
            Kind::Ident("examples") => {
                let line = lexer.line();
                let expression = lexer.parenthesised()?;
                let expected =
                    expected(dimension, &expression).map_err(|e| format!("line {line}: {e}"))?;
                for (phrase, line) in lexer.strings()? {
                    let excluded = exclusion(&expression, &expected);
                    let shorthand = if dimension == Dimension::Time {
                        None
                    } else {
                        shorthand(&phrase)
                    };
                    examples.push(Example {
                        dimension,
                        phrase,
                        expected: expected.clone(),
                        excluded,
                        shorthand,
                        line,
                    });
                }
            }
            Kind::TopLevel if token.start > start => break,
            _ => {}
        }
    }
    if examples.is_empty() {
        return Err("no examples read".to_owned());
    }
    Ok(examples)
}

/// The general rules that leave a phrase out of the date category: holidays, and values
/// that name a time of day (clock times belong to another issue).
fn exclusion(expression: &[Atom], expected: &Expected) -> Option<Exclusion> {
    let head = match expression.first() {
        Some(Atom::Ident(head)) => head.as_str(),
        _ => "",
    };
    if head.ends_with("Holiday") {
        return Some(Exclusion::Holiday);
    }
    let grain = match expected {
        Expected::Instant { grain, .. }
        | Expected::Interval { grain, .. }
        | Expected::Open { grain, .. } => *grain,
        _ => return None,
    };
    grain.is_clock().then_some(Exclusion::Clock)
}

/// One atom of an expression once parentheses and commas are dropped: the heads fix the shape.
#[derive(Debug, Clone, PartialEq)]
enum Atom {
    Ident(String),
    Number(f64),
    Str(String),
}

fn expected(dimension: Dimension, atoms: &[Atom]) -> Result<Expected, String> {
    let words: Vec<&str> = atoms
        .iter()
        .filter_map(|a| match a {
            Atom::Ident(w) => Some(w.as_str()),
            _ => None,
        })
        .collect();
    let numbers: Vec<f64> = atoms
        .iter()
        .filter_map(|a| match a {
            Atom::Number(n) => Some(*n),
            _ => None,
        })
        .collect();
    let strings: Vec<&str> = atoms
        .iter()
        .filter_map(|a| match a {
            Atom::Str(s) => Some(s.as_str()),
            _ => None,
        })
        .collect();
    let bad = || format!("unexpected expression {atoms:?}");
    let head = *words.first().ok_or_else(bad)?;
    let civil = |at: &[f64]| -> Result<Civil, String> {
        match at {
            [y, m, d, ..] => Ok(Civil {
                year: whole(*y)?,
                month: whole(*m)?,
                day: whole(*d)?,
            }),
            _ => Err(bad()),
        }
    };
    let grain = |word: Option<&&str>| word.and_then(|w| Grain::parse(w)).ok_or_else(bad);
    match (dimension, head) {
        (Dimension::Time, "datetime" | "datetimeHoliday") if numbers.len() == 6 => {
            Ok(Expected::Instant {
                at: civil(&numbers)?,
                grain: grain(words.get(1))?,
            })
        }
        (Dimension::Time, "datetimeInterval" | "datetimeIntervalHoliday")
            if numbers.len() == 12 =>
        {
            Ok(Expected::Interval {
                from: civil(&numbers[..6])?,
                to: civil(&numbers[6..])?,
                grain: grain(words.get(1))?,
            })
        }
        (Dimension::Time, "datetimeOpenInterval") if numbers.len() == 6 => Ok(Expected::Open {
            after: match words.get(1) {
                Some(&"After") => true,
                Some(&"Before") => false,
                _ => return Err(bad()),
            },
            at: civil(&numbers)?,
            grain: grain(words.get(2))?,
        }),
        (Dimension::Numeral, "NumeralValue") if numbers.len() == 1 => {
            Ok(Expected::Number(numbers[0]))
        }
        (Dimension::Duration, "DurationData") if numbers.len() == 1 => Ok(Expected::Duration {
            value: numbers[0],
            grain: grain(words.get(1))?,
        }),
        (
            Dimension::AmountOfMoney
            | Dimension::Distance
            | Dimension::Quantity
            | Dimension::Volume
            | Dimension::Temperature,
            "simple" | "between" | "under" | "above",
        ) => {
            let unit = (*words.get(1).ok_or_else(bad)?).to_owned();
            let range = match (head, numbers.as_slice()) {
                ("simple", [v]) => Range::Exact(*v),
                ("between", [a, b]) => Range::Between(*a, *b),
                ("under", [v]) => Range::Under(*v),
                ("above", [v]) => Range::Above(*v),
                _ => return Err(bad()),
            };
            Ok(Expected::Amount {
                unit,
                range,
                product: strings.first().map(|s| (*s).to_owned()),
            })
        }
        _ => Err(bad()),
    }
}

fn whole<T: TryFrom<i64>>(value: f64) -> Result<T, String> {
    #[allow(clippy::cast_possible_truncation)] // checked just below
    let integer = value as i64;
    #[allow(clippy::cast_precision_loss, clippy::float_cmp)] // small calendar numbers
    let exact = integer as f64 == value;
    if !exact {
        return Err(format!("{value} is not a whole number"));
    }
    T::try_from(integer).map_err(|_| format!("{value} is out of range"))
}

/// A token of the Haskell source, as far as corpus files need.
#[derive(Debug, PartialEq)]
enum Kind<'t> {
    Ident(&'t str),
    Number(f64),
    Str(String),
    Open,
    Close,
    OpenList,
    CloseList,
    Comma,
    Minus,
    /// A name at the start of a line: the next top-level definition.
    TopLevel,
    Other,
}

struct Token<'t> {
    kind: Kind<'t>,
    start: usize,
}

struct Lexer<'t> {
    text: &'t str,
    pos: usize,
}

impl<'t> Lexer<'t> {
    fn line(&self) -> usize {
        self.text[..self.pos].matches('\n').count() + 1
    }

    fn peek_char(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    /// Skips spaces and `--` comments.
    fn skip(&mut self) {
        loop {
            let rest = &self.text[self.pos..];
            let trimmed = rest.trim_start();
            self.pos += rest.len() - trimmed.len();
            if trimmed.starts_with("--") {
                self.pos += trimmed.find('\n').unwrap_or(trimmed.len());
            } else {
                return;
            }
        }
    }

    fn next(&mut self) -> Result<Option<Token<'t>>, String> {
        self.skip();
        let start = self.pos;
        let Some(c) = self.peek_char() else {
            return Ok(None);
        };
        let at_line_start = start == 0 || self.text[..start].ends_with('\n');
        let kind =
            match c {
                '(' => self.single(Kind::Open),
                ')' => self.single(Kind::Close),
                '[' => self.single(Kind::OpenList),
                ']' => self.single(Kind::CloseList),
                ',' => self.single(Kind::Comma),
                '-' => self.single(Kind::Minus),
                '"' => Kind::Str(self.string()?),
                c if c.is_ascii_digit() => {
                    let rest = &self.text[start..];
                    let mut end = rest
                        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == 'e'))
                        .unwrap_or(rest.len());
                    // `1e4`, `4.7e9`: an exponent is a digit run after `e`.
                    if rest[..end].ends_with('e') {
                        end -= 1;
                    }
                    self.pos += end;
                    Kind::Number(rest[..end].parse().map_err(|_| {
                        format!("line {}: bad number {}", self.line(), &rest[..end])
                    })?)
                }
                c if c.is_alphabetic() || c == '_' => {
                    let rest = &self.text[start..];
                    let end = rest
                        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '\''))
                        .unwrap_or(rest.len());
                    self.pos += end;
                    if at_line_start {
                        Kind::TopLevel
                    } else {
                        Kind::Ident(&rest[..end])
                    }
                }
                c => {
                    self.pos += c.len_utf8();
                    Kind::Other
                }
            };
        Ok(Some(Token { kind, start }))
    }

    fn single(&mut self, kind: Kind<'t>) -> Kind<'t> {
        self.pos += 1;
        kind
    }

    /// A Haskell string literal at the cursor, unescaped.
    fn string(&mut self) -> Result<String, String> {
        let line = self.line();
        let mut chars = self.text[self.pos + 1..].char_indices().peekable();
        let mut out = String::new();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => {
                    self.pos += 1 + i + 1;
                    return Ok(out);
                }
                '\\' => match chars.next().map(|(_, c)| c) {
                    Some('&') => {}
                    Some('"') => out.push('"'),
                    Some('\\') => out.push('\\'),
                    Some('\'') => out.push('\''),
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some('x') => {
                        let mut code = 0u32;
                        let mut digits = 0;
                        while let Some(&(_, d)) = chars.peek() {
                            let Some(value) = d.to_digit(16) else { break };
                            code = code * 16 + value;
                            digits += 1;
                            chars.next();
                        }
                        out.push(
                            char::from_u32(code)
                                .filter(|_| digits > 0)
                                .ok_or(format!("line {line}: bad \\x escape"))?,
                        );
                    }
                    Some(d) if d.is_ascii_digit() => {
                        let mut code = d.to_digit(10).unwrap_or(0);
                        while let Some(&(_, d)) = chars.peek() {
                            let Some(value) = d.to_digit(10) else { break };
                            code = code * 10 + value;
                            chars.next();
                        }
                        out.push(char::from_u32(code).ok_or(format!("line {line}: bad escape"))?);
                    }
                    other => return Err(format!("line {line}: unknown escape \\{other:?}")),
                },
                '\n' => return Err(format!("line {line}: string not closed")),
                c => out.push(c),
            }
        }
        Err(format!("line {line}: string not closed"))
    }

    /// The parenthesised expression after `examples`, as atoms (negative numbers folded).
    fn parenthesised(&mut self) -> Result<Vec<Atom>, String> {
        let line = self.line();
        let mut depth = 0usize;
        let mut atoms = Vec::new();
        let mut negative = false;
        loop {
            let token = self
                .next()?
                .ok_or(format!("line {line}: expression not closed"))?;
            match token.kind {
                Kind::Open => depth += 1,
                Kind::Close => {
                    depth = depth
                        .checked_sub(1)
                        .ok_or(format!("line {line}: unbalanced parentheses"))?;
                }
                Kind::Minus => negative = true,
                Kind::Number(n) => {
                    atoms.push(Atom::Number(if negative { -n } else { n }));
                    negative = false;
                }
                Kind::Ident(word) => atoms.push(Atom::Ident(word.to_owned())),
                Kind::Str(s) => atoms.push(Atom::Str(s)),
                Kind::Comma => {}
                _ => return Err(format!("line {line}: unexpected token in expression")),
            }
            if depth == 0 {
                return Ok(atoms);
            }
        }
    }

    /// The list of string literals after an expression, each with its line.
    fn strings(&mut self) -> Result<Vec<(String, usize)>, String> {
        let line = self.line();
        let open = self.next()?.map(|t| t.kind);
        if open != Some(Kind::OpenList) {
            return Err(format!("line {line}: expected a list of phrases"));
        }
        let mut phrases = Vec::new();
        loop {
            self.skip();
            let line = self.line();
            match self.next()?.map(|t| t.kind) {
                Some(Kind::Str(s)) => phrases.push((s, line)),
                Some(Kind::Comma) => {}
                Some(Kind::CloseList) => return Ok(phrases),
                _ => {
                    return Err(format!(
                        "line {line}: unexpected token in a list of phrases"
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_shapes_escapes_and_skips_comments() {
        let text = "module X\n\nallExamples :: [Example]\nallExamples = concat\n  \
            [ examples (simple Dollar 1)\n             [ \"$1\"\n             , \"\\x00a3\\&10\"\n\
            --           , \"commented\"\n             , \"5\\\"\"\n             ]\n  \
            , examples (between Gram (100,1000) (Just \"meat\"))\n [ \"a\" ]\n  \
            , examples (under Degree (-2))\n [ \"b\" ]\n  ]\n\nother = 1\n";
        let examples = read(Dimension::Quantity, text).unwrap();
        let phrases: Vec<&str> = examples.iter().map(|e| e.phrase.as_str()).collect();
        assert_eq!(phrases, ["$1", "£10", "5\"", "a", "b"]);
        assert_eq!(
            examples[3].expected,
            Expected::Amount {
                unit: "Gram".into(),
                range: Range::Between(100.0, 1000.0),
                product: Some("meat".into())
            }
        );
        assert_eq!(
            examples[4].expected,
            Expected::Amount {
                unit: "Degree".into(),
                range: Range::Under(-2.0),
                product: None
            }
        );
        assert_eq!(examples[2].line, 9);
    }

    #[test]
    fn times_over_several_lines_and_the_exclusions() {
        let text = "allExamples = concat\n  [ examples (datetimeInterval\n      \
            ((2013, 2, 12, 18, 0, 0), (2013, 2, 13, 0, 0, 0)) Hour)\n  [ \"tonight\" ]\n  \
            , examples (datetimeHoliday (2013, 12, 25, 0, 0, 0) Day \"Christmas\")\n  [ \"xmas\" ]\n  \
            , examples (datetime (2013, 3, 1, 0, 0, 0) Month)\n  [ \"March\" ]\n  ]\n";
        let examples = read(Dimension::Time, text).unwrap();
        let excluded: Vec<Option<Exclusion>> = examples.iter().map(|e| e.excluded).collect();
        assert_eq!(
            excluded,
            [Some(Exclusion::Clock), Some(Exclusion::Holiday), None]
        );
        assert_eq!(
            examples[2].expected,
            Expected::Instant {
                at: Civil {
                    year: 2013,
                    month: 3,
                    day: 1
                },
                grain: Grain::Month
            }
        );
    }
}

use super::*;
use crate::Checked;
use crate::assess::method::Method;
use crate::assess::support::Best;
use crate::assess::{Assessment, FactAssessment, assess, assess_with};
use crate::findings::Code;
use crate::testing::{check, check_under, source, source_with, with_code};
use crate::triage::Policy;

/// The fact about `subject`.
fn fact<'a>(checked: &Checked, assessment: &'a Assessment, subject: &str) -> &'a FactAssessment {
    assessment
        .facts
        .iter()
        .find(|f| f.label.subject == subject)
        .unwrap_or_else(|| {
            panic!(
                "no fact about {subject} in {:?}",
                checked.dataset.claims.len()
            )
        })
}

/// The best value of the fact about `subject`, as stated; a tie as its values joined by `|`.
fn best(checked: &Checked, assessment: &Assessment, subject: &str) -> String {
    let fact = fact(checked, assessment, subject);
    let stated = |i: usize| {
        checked.dataset.claims[fact.values[i].claims[0] as usize]
            .stated
            .to_string()
    };
    match &fact.best {
        Best::Value(i) => stated(*i),
        Best::Tie(tied) => tied
            .iter()
            .map(|&i| stated(i))
            .collect::<Vec<_>>()
            .join("|"),
        Best::None => String::new(),
    }
}

/// `files` as the `(name, text)` pairs `check` reads.
fn borrowed<N: AsRef<str>>(files: &[(N, String)]) -> Vec<(&str, &str)> {
    files
        .iter()
        .map(|(a, b)| (a.as_ref(), b.as_str()))
        .collect()
}

/// The confidence of the best value of the fact about `subject`, which must have one.
fn best_confidence(checked: &Checked, assessment: &Assessment, subject: &str) -> f64 {
    let target = fact(checked, assessment, subject);
    let Best::Value(i) = target.best else {
        panic!("a value")
    };
    target.values[i].confidence.expect("a confidence")
}

fn reliability(checked: &Checked, assessment: &Assessment, id: &str) -> Reliability {
    assessment.reliability[crate::testing::source_index(&checked.dataset, id)]
}

/// `checked` again with one review of the date conflict on `subject` saying the claim of
/// source `wrong` is the wrong one (`first-source-wrong`, its claim listed first).
fn reviewed_wrong(
    files: &[(&str, &str)],
    checked: &Checked,
    subject: &str,
    wrong: &str,
) -> Checked {
    let finding = with_code(checked, Code::ConflictDate)
        .into_iter()
        .find(|f| f.message.contains(subject))
        .expect("a date conflict on the subject");
    let claims = crate::testing::review_claims(finding);
    let (first, second) = if claims[0].contains(&format!("{wrong}#")) {
        (&claims[0], &claims[1])
    } else {
        (&claims[1], &claims[0])
    };
    let reviews = format!(
        "[[review]]\ncode = \"{}\"\nclaims = [{first}, {second}]\n\
         decision = \"first-source-wrong\"\nreason = \"r\"\nreviewer = \"t\"\n\
         date = 2026-01-01\n",
        finding.code
    );
    check_under(files, None, Some(&reviews), &Policy::default())
}

/// Two reliable sources that two independent others confirm on six facts, and three
/// sources each contradicted by those four on the same facts (each wrong its own way).
fn minority_and_majority() -> Vec<(String, String)> {
    let mut files = Vec::new();
    let checked_facts = ["F1", "F2", "F3", "F4", "F5", "F6"];
    let right: Vec<(&str, &str, &str)> = checked_facts
        .iter()
        .map(|f| (*f, "opened", "2000"))
        .collect();
    let mut reliable = right.clone();
    reliable.push(("Target", "opened", "2018"));
    files.push(("r1".to_owned(), source(&reliable)));
    files.push(("r2".to_owned(), source(&reliable)));
    files.push(("i1".to_owned(), source(&right)));
    files.push(("i2".to_owned(), source(&right)));
    for (k, year) in ["1990", "1991", "1992"].iter().enumerate() {
        let mut wrong: Vec<(&str, &str, &str)> = checked_facts
            .iter()
            .map(|f| (*f, "opened", *year))
            .collect();
        wrong.push(("Target", "opened", "2014"));
        files.push((format!("u{k}"), source(&wrong)));
    }
    files
}

fn run(files: &[(String, String)], method: Method) -> (Checked, Assessment) {
    let checked = check(&borrowed(files), None);
    let assessment = assess_with(&checked, method);
    (checked, assessment)
}

#[test]
fn a_reliable_minority_beats_an_unreliable_majority() {
    let files = minority_and_majority();
    let (checked, vote) = run(&files, Method::Vote);
    assert_eq!(best(&checked, &vote, "Target"), "2014", "the vote: 3 to 2");
    let (checked, trust) = run(&files, Method::Trust);
    assert_eq!(best(&checked, &trust, "Target"), "2018");
    let r1 = reliability(&checked, &trust, "r1");
    let u0 = reliability(&checked, &trust, "u0");
    assert!(r1.trust > u0.trust, "{r1:?} vs {u0:?}");
    assert_eq!(r1.claims, 7);
    let confidence = best_confidence(&checked, &trust, "Target");
    assert!(confidence > 0.5 && confidence < 1.0, "{confidence}");
}

#[test]
fn a_copier_does_not_double_its_source_vote() {
    // b and c declare they derive from a: the three are one unit, against two.
    let a = source(&[("Mission", "opened", "2018")]);
    let copy = source_with("derived_from = [\"a\"]", &[("Mission", "opened", "2018")]);
    let x = source(&[("Mission", "opened", "2014")]);
    let files = [
        ("a", a.as_str()),
        ("b", copy.as_str()),
        ("c", copy.as_str()),
        ("x", x.as_str()),
        ("y", x.as_str()),
    ];
    let checked = check(&files, None);
    let assessment = assess(&checked);
    assert_eq!(best(&checked, &assessment, "Mission"), "2014");
}

#[test]
fn undeclared_copiers_sharing_wrong_values_vote_once() {
    // a, b and c repeat the same three mistakes (no quote, no `derived_from`); four
    // independent sources give the true values. On the target, the three say 2014.
    let mut files: Vec<(String, String)> = Vec::new();
    let mistakes = [
        ("W1", "opened", "1990"),
        ("W2", "opened", "1991"),
        ("W3", "opened", "1992"),
    ];
    for id in ["a", "b", "c"] {
        let mut claims = mistakes.to_vec();
        claims.push(("Target", "opened", "2014"));
        files.push((id.to_owned(), source(&claims)));
    }
    for id in ["w", "x", "y", "z"] {
        let mut claims = vec![
            ("W1", "opened", "2000"),
            ("W2", "opened", "2001"),
            ("W3", "opened", "2002"),
        ];
        if id == "x" || id == "y" {
            claims.push(("Target", "opened", "2018"));
        }
        files.push((id.to_owned(), source(&claims)));
    }
    let (checked, trust) = run(&files, Method::Trust);
    assert!(
        checked.comparison.dependences.is_empty(),
        "nothing declared or quoted"
    );
    let group = |id: &str| trust.groups[crate::testing::source_index(&checked.dataset, id)];
    assert_eq!(group("a"), group("b"));
    assert_eq!(group("a"), group("c"));
    assert_ne!(group("a"), group("w"));
    assert_ne!(group("x"), group("y"), "sharing true values is no evidence");
    let target = fact(&checked, &trust, "Target");
    let copied = target
        .values
        .iter()
        .find(|v| checked.dataset.claims[v.claims[0] as usize].stated.as_ref() == "2014")
        .expect("2014");
    assert_eq!(copied.support, 1, "three copies, one vote");
    assert_eq!(best(&checked, &trust, "Target"), "2018");
}

#[test]
fn a_vague_value_does_not_win_a_conflict_it_straddles() {
    let mut files = vec![
        ("a", source(&[("Station", "pressure", "29.65")])),
        ("b", source(&[("Station", "pressure", "29.66")])),
        ("c", source(&[("Station", "pressure", "29.68")])),
    ];
    // The rounded value, even stated twice, supports neither side and is never the answer.
    files.push(("d", source(&[("Station", "pressure", "29.7")])));
    files.push(("e", source(&[("Station", "pressure", "29.7")])));
    let rules = "[[property]]\nname = \"pressure\"\ntype = \"number\"\n";
    let checked = check(&borrowed(&files), Some(rules));
    let assessment = assess(&checked);
    let answer = best(&checked, &assessment, "Station");
    assert!(!answer.contains("29.7"), "{answer}");
    assert_eq!(answer.split('|').count(), 3, "{answer}");
    // Under the plain vote the rounded value collects everyone's support.
    let vote = assess_with(&checked, Method::Vote);
    assert_eq!(best(&checked, &vote, "Station"), "29.7");
}

#[test]
fn among_agreeing_values_the_most_precise_with_enough_support_is_the_answer() {
    let rules = "[[property]]\nname = \"temperature\"\ntype = \"number\"\n";
    let case = |coarse: usize, fine: usize| {
        let mut files: Vec<(String, String)> = Vec::new();
        for k in 0..coarse {
            files.push((format!("c{k}"), source(&[("Town", "temperature", "48")])));
        }
        for k in 0..fine {
            files.push((format!("f{k}"), source(&[("Town", "temperature", "48.2")])));
        }
        let checked = check(&borrowed(&files), Some(rules));
        let assessment = assess(&checked);
        best(&checked, &assessment, "Town")
    };
    assert_eq!(case(5, 1), "48", "one refining source against five");
    assert_eq!(case(2, 2), "48.2", "as well supported: the most precise");
    assert_eq!(case(3, 2), "48.2", "more than half the support");
}

#[test]
fn values_in_units_that_cannot_be_compared_are_not_weighed_against_each_other() {
    let files = [
        ("a", source(&[("Bridge", "cost", "£5 million")])),
        ("b", source(&[("Bridge", "cost", "£5 million")])),
        ("c", source(&[("Bridge", "cost", "$8 million")])),
    ];
    let checked = check(&borrowed(&files), None);
    let assessment = assess(&checked);
    let fact = fact(&checked, &assessment, "Bridge");
    assert!(
        matches!(fact.best, Best::Tie(ref t) if t.len() == 2),
        "{:?}",
        fact.best
    );
    assert!(fact.values.iter().all(|v| v.disagreeing.is_empty()));
}

#[test]
fn a_review_changes_a_source_reliability_and_other_answers() {
    // a and b disagree on two facts; c sides with nobody. A review of Mission says b is
    // wrong there; the other fact then goes a's way.
    let a = source(&[("Mission", "opened", "2018"), ("Lab", "opened", "2001")]);
    let b = source(&[("Mission", "opened", "2014"), ("Lab", "opened", "2011")]);
    let files = [("a", a.as_str()), ("b", b.as_str())];
    let checked = check(&files, None);
    let before = assess(&checked);
    assert_eq!(best(&checked, &before, "Lab"), "2001|2011");
    let reviewed = reviewed_wrong(&files, &checked, "Mission", "b");
    let after = assess(&reviewed);
    let (a_before, a_after) = (
        reliability(&checked, &before, "a"),
        reliability(&reviewed, &after, "a"),
    );
    let (b_before, b_after) = (
        reliability(&checked, &before, "b"),
        reliability(&reviewed, &after, "b"),
    );
    assert!(a_after.trust > a_before.trust, "{a_before:?} → {a_after:?}");
    assert!(b_after.trust < b_before.trust, "{b_before:?} → {b_after:?}");
    assert_eq!(a_after.reviewed, 1);
    assert_eq!(best(&reviewed, &after, "Lab"), "2001");
}

#[test]
fn a_source_of_one_claim_never_gets_extreme_trust() {
    let lone = source(&[("Mission", "opened", "2018")]);
    let checked = check(&[("lone", lone.as_str())], None);
    let assessment = assess(&checked);
    let r = reliability(&checked, &assessment, "lone");
    assert!(r.trust <= (PSEUDO_CLAIMS * PRIOR + 1.0) / (PSEUDO_CLAIMS + 1.0) + 1e-12);
    assert!(r.trust.is_finite() && r.trust >= PRIOR, "{r:?}");
    assert_eq!(r.claims, 1);
}

#[test]
fn single_claims_and_empty_datasets_give_finite_numbers() {
    let lone = source(&[("Mission", "opened", "2018"), ("Lab", "staff", "12")]);
    let checked = check(&[("lone", lone.as_str())], None);
    let assessment = assess(&checked);
    for fact in &assessment.facts {
        assert!(matches!(fact.best, Best::Value(0)));
        let value = &fact.values[0];
        assert_eq!(value.confidence, Some(1.0), "no rival");
        assert!(value.weight.is_some_and(f64::is_finite));
    }
    let empty = check(&[], None);
    let assessment = assess(&empty);
    assert!(assessment.facts.is_empty() && assessment.reliability.is_empty());
    assert!(assessment.rounds <= MAX_ROUNDS);
}

#[test]
fn estimation_is_bounded_and_deterministic() {
    let files = minority_and_majority();
    let (_, one) = run(&files, Method::Trust);
    let (_, two) = run(&files, Method::Trust);
    assert!(one.rounds >= 1 && one.rounds <= MAX_ROUNDS);
    assert_eq!(one.reliability, two.reliability);
    assert!(one.reliability.iter().all(|r| r.trust.is_finite()));
}

#[test]
fn the_vote_is_unchanged_behind_the_seam() {
    let files = minority_and_majority();
    let (checked, vote) = run(&files, Method::Vote);
    assert!(vote.reliability.is_empty());
    assert_eq!(vote.rounds, 0);
    let target = fact(&checked, &vote, "Target");
    assert_eq!(target.values[0].support, 3);
    assert_eq!(target.values[0].confidence, None);
}

/// A source corroborated on six facts (`e`, each confirmed by `i1` and `i2`), against a
/// prolific source whose record nobody confirms or contradicts (`b`, twenty facts of its own)
/// and a source of one claim (`x`) that agree on the target.
fn corroborated_against_unconfirmed() -> Vec<(String, String)> {
    let confirmed: Vec<(String, String)> = (0..6)
        .map(|k| (format!("F{k}"), "2000".to_owned()))
        .collect();
    let claims = |list: &[(String, String)]| -> Vec<(String, String, String)> {
        list.iter()
            .map(|(s, v)| (s.clone(), "opened".to_owned(), v.clone()))
            .collect()
    };
    let text = |claims: &[(String, String, String)]| {
        let borrowed: Vec<(&str, &str, &str)> = claims
            .iter()
            .map(|(s, p, v)| (s.as_str(), p.as_str(), v.as_str()))
            .collect();
        source(&borrowed)
    };
    let mut e = claims(&confirmed);
    e.push(("Target".to_owned(), "opened".to_owned(), "2018".to_owned()));
    let mut b: Vec<(String, String, String)> = (0..20)
        .map(|k| (format!("U{k}"), "opened".to_owned(), "1990".to_owned()))
        .collect();
    b.push(("Target".to_owned(), "opened".to_owned(), "2014".to_owned()));
    vec![
        ("e".to_owned(), text(&e)),
        ("i1".to_owned(), text(&claims(&confirmed))),
        ("i2".to_owned(), text(&claims(&confirmed))),
        ("b".to_owned(), text(&b)),
        ("x".to_owned(), source(&[("Target", "opened", "2014")])),
    ]
}

#[test]
fn a_corroborated_source_outweighs_an_unknown_one_and_an_unconfirmed_one() {
    let files = corroborated_against_unconfirmed();
    let (checked, vote) = run(&files, Method::Vote);
    assert_eq!(best(&checked, &vote, "Target"), "2014", "the vote: 2 to 1");
    let (checked, trust) = run(&files, Method::Trust);
    assert_eq!(best(&checked, &trust, "Target"), "2018");
    let confidence = best_confidence(&checked, &trust, "Target");
    assert!(confidence > 0.5 && confidence < 1.0, "{confidence}");
}

#[test]
fn a_source_of_one_claim_does_not_vouch_for_itself() {
    // x and y each state one value, once; the count of units decides between them, as in
    // the vote, however the estimation rates the winner.
    let files = [
        ("x", source(&[("Mission", "opened", "2014")])),
        ("y", source(&[("Mission", "opened", "2018")])),
        ("z", source(&[("Mission", "opened", "2018")])),
    ];
    let checked = check(&borrowed(&files), None);
    let assessment = assess(&checked);
    assert_eq!(best(&checked, &assessment, "Mission"), "2018");
    let fact = fact(&checked, &assessment, "Mission");
    let weights: Vec<f64> = fact.values.iter().filter_map(|v| v.weight).collect();
    assert_eq!(weights.len(), 2);
    // Nothing is known of them beyond this fact: each unit weighs the same small vote.
    assert!((weights[0] - 2.0 * weights[1]).abs() < 1e-9, "{weights:?}");
}

#[test]
fn one_review_does_not_outweigh_a_source_whole_record() {
    // e is confirmed by i1 and i2 on twenty facts and wrong on one that a review settles
    // against it; its record still makes it better than a source of one claim (x).
    let facts: Vec<String> = (0..20).map(|k| format!("F{k}")).collect();
    let confirmed: Vec<(&str, &str, &str)> = facts
        .iter()
        .map(|f| (f.as_str(), "opened", "2000"))
        .collect();
    let mut e = confirmed.clone();
    e.push(("Mission", "opened", "2014"));
    e.push(("Target", "opened", "2018"));
    let (e, i) = (source(&e), source(&confirmed));
    let r = source(&[("Mission", "opened", "2018")]);
    let x = source(&[("Target", "opened", "2014")]);
    let files = [
        ("e", e.as_str()),
        ("i1", i.as_str()),
        ("i2", i.as_str()),
        ("r", r.as_str()),
        ("x", x.as_str()),
    ];
    let checked = check(&files, None);
    let reviewed = reviewed_wrong(&files, &checked, "Mission", "e");
    let before = assess(&checked);
    let after = assess(&reviewed);
    let (e_before, e_after) = (
        reliability(&checked, &before, "e"),
        reliability(&reviewed, &after, "e"),
    );
    assert!(e_after.trust < e_before.trust, "{e_before:?} → {e_after:?}");
    assert!(e_after.trust > PRIOR, "{e_after:?}");
    assert_eq!(best(&reviewed, &after, "Mission"), "2018");
    assert_eq!(best(&reviewed, &after, "Target"), "2018");
}

#[test]
fn an_unknown_source_weighs_a_unit_vote_in_the_answer_and_a_record_adds_to_it() {
    assert!((answer_vote(PRIOR) - UNIT_VOTE).abs() < 1e-12);
    assert!(
        (answer_vote(0.3) - UNIT_VOTE).abs() < 1e-12,
        "no worse than unknown"
    );
    let (fair, good, best) = (answer_vote(0.6), answer_vote(0.8), answer_vote(MAX_TRUST));
    assert!(
        UNIT_VOTE < fair && fair < good && good < best,
        "{fair} {good} {best}"
    );
    assert!((good - UNIT_VOTE - (0.5f64 / 0.2).ln()).abs() < 1e-12);
    assert!(
        best.is_finite() && (answer_vote(1.0) - best).abs() < 1e-12,
        "capped"
    );
}

#[test]
fn within_a_unit_the_most_reliable_keeps_its_vote_and_copies_add_little() {
    // An original at 0.95 and three copiers at 0.6, in any order.
    let unit = unit_vote(&mut [0.6, 0.95, 0.6, 0.6], vote);
    let discount = 1.0 - dependence::COPY_RATE;
    let expected = vote(0.95) + (discount + discount.powi(2) + discount.powi(3)) * vote(0.6);
    assert!((unit - expected).abs() < 1e-12, "{unit} vs {expected}");
    // Against two independent sources at 0.75 the unit wins; at its members' mean
    // reliability (0.6875) it would have lost.
    let independent = 2.0 * vote(0.75);
    assert!(unit > independent, "{unit} vs {independent}");
    assert!(vote((0.95 + 3.0 * 0.6) / 4.0) < independent);
    // The same through the support of a value: unit 0 of sources 0-3, units 1 and 2.
    let trust = [0.95, 0.6, 0.6, 0.6, 0.75, 0.75];
    let singles: Vec<u32> = (0..6).collect();
    let group = sigma(&[(0, 0), (0, 1), (0, 2), (0, 3)], &trust, &singles);
    let apart = sigma(&[(1, 4), (2, 5)], &trust, &singles);
    assert!((group - expected).abs() < 1e-12 && apart < group);
    // Declared copies (one declared group) are the same text: only the most reliable counts.
    let declared = [0, 0, 0, 0, 4, 5];
    let copies = sigma(&[(0, 0), (0, 1), (0, 2), (0, 3)], &trust, &declared);
    assert!((copies - vote(0.95)).abs() < 1e-12, "{copies}");
    // Two declared groups joined by detection: the second counts a fifth.
    let joined = sigma(&[(0, 0), (0, 1), (0, 4)], &trust, &declared);
    assert!(
        (joined - vote(0.95) - discount * vote(0.75)).abs() < 1e-12,
        "{joined}"
    );
    // Copies never double a vote: two equal sources in one unit weigh 1.2 of one.
    let pair = unit_vote(&mut [0.8, 0.8], vote);
    assert!((pair - (1.0 + discount) * vote(0.8)).abs() < 1e-12);
    assert!((unit_vote(&mut [0.8], vote) - vote(0.8)).abs() < 1e-12);
    assert!(unit_vote(&mut [], vote).abs() < f64::EPSILON);
}

/// Source `a` (reliable) and three sources declared to derive from it, which also repeat
/// mistakes of their own elsewhere; two independent sources `x` and `y`, less reliable than `a`,
/// disagree with them on the target; `i1`, `i2` and `i3` confirm the true values.
fn original_and_copiers() -> Vec<(String, String)> {
    let mut files = Vec::new();
    let checked: Vec<String> = (1..=16).map(|k| format!("K{k}")).collect();
    let sloppy: Vec<String> = (1..=6).map(|k| format!("G{k}")).collect();
    let claims = |facts: &[String], value: &str| -> Vec<(String, String)> {
        facts
            .iter()
            .map(|f| (f.clone(), value.to_owned()))
            .collect()
    };
    let write = |header: &str, claims: &[(String, String)]| {
        let borrowed: Vec<(&str, &str, &str)> = claims
            .iter()
            .map(|(f, v)| (f.as_str(), "opened", v.as_str()))
            .collect();
        source_with(header, &borrowed)
    };
    let mut original = claims(&checked, "2000");
    original.push(("Target".to_owned(), "2018".to_owned()));
    files.push(("a".to_owned(), write("", &original)));
    let mut copy = claims(&sloppy, "1980");
    copy.push(("Target".to_owned(), "2018".to_owned()));
    for id in ["b", "c", "d"] {
        files.push((id.to_owned(), write("derived_from = [\"a\"]", &copy)));
    }
    for (id, wrong) in [("x", "1990"), ("y", "1991")] {
        let mut claims = claims(&checked[..14], wrong);
        claims.extend(self::claims_of(&checked[14..], "2000"));
        claims.push(("Target".to_owned(), "2014".to_owned()));
        files.push((id.to_owned(), write("", &claims)));
    }
    let mut honest = claims(&checked, "2000");
    honest.extend(claims(&sloppy, "2000"));
    for id in ["i1", "i2", "i3"] {
        files.push((id.to_owned(), write("", &honest)));
    }
    files
}

fn claims_of(facts: &[String], value: &str) -> Vec<(String, String)> {
    facts
        .iter()
        .map(|f| (f.clone(), value.to_owned()))
        .collect()
}

#[test]
fn the_original_keeps_its_vote_among_its_copiers() {
    let (checked, trust) = run(&original_and_copiers(), Method::Trust);
    let group = |id: &str| trust.groups[crate::testing::source_index(&checked.dataset, id)];
    assert_eq!(group("a"), group("b"));
    assert_eq!(group("a"), group("d"));
    assert_ne!(group("a"), group("x"));
    let a = reliability(&checked, &trust, "a").trust;
    let b = reliability(&checked, &trust, "b").trust;
    let x = reliability(&checked, &trust, "x").trust;
    assert!(b < x && x < a, "copier {b}, independent {x}, original {a}");
    assert_eq!(best(&checked, &trust, "Target"), "2018");
}

#[test]
fn a_placeholder_is_never_the_answer_while_a_value_is_stated() {
    // Three sources mark "no value" ("-", "—", "?"), one states a gate: the gate is the
    // answer, whatever the count; a fact where every source has a placeholder still has one.
    let files = [
        (
            "a",
            source(&[("Gate1", "gate", "-"), ("Gate2", "gate", "-")]),
        ),
        (
            "b",
            source(&[("Gate1", "gate", "-"), ("Gate2", "gate", "—")]),
        ),
        ("c", source(&[("Gate1", "gate", "?")])),
        ("d", source(&[("Gate1", "gate", "C13")])),
        (
            "e",
            source(&[("Gate3", "gate", "B 7"), ("Gate4", "gate", "B7")]),
        ),
        (
            "f",
            source(&[("Gate3", "gate", "--"), ("Gate4", "gate", "-")]),
        ),
        (
            "g",
            source(&[("Gate3", "gate", "--"), ("Gate4", "gate", "-")]),
        ),
    ]
    .map(|(a, b)| (a.to_owned(), b));
    let (checked, assessment) = run(&files, Method::Trust);
    assert_eq!(best(&checked, &assessment, "Gate1"), "C13");
    assert_eq!(best(&checked, &assessment, "Gate3"), "B 7");
    assert_eq!(best(&checked, &assessment, "Gate4"), "B7");
    let only = best(&checked, &assessment, "Gate2");
    assert!(only == "-" || only == "—" || only == "-|—", "{only}");
    // The vote (the baseline behind the seam) counts placeholders as it counts any value.
    let (checked, vote) = run(&files, Method::Vote);
    assert_eq!(best(&checked, &vote, "Gate1"), "-");
}

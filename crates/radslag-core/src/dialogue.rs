//! Dialogues: gathering what small groups wrote into points per question,
//! curating them (mark, merge, reorder) and compiling them into minutes; and
//! summarising a citizen dialogue (a tally per question, the common words).

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};

use crate::ids::PointKey;
use crate::model::{CurationEdit, Dialogue, Question};

/// Where the points of a citizen dialogue come from, in compiled minutes.
pub const CITIZENS: &str = "Medborgardialog";

/// The points of an answer: its lines, without bullet marks or blanks.
pub fn points(answer: &str) -> Vec<String> {
    answer
        .lines()
        .map(|line| line.trim().trim_start_matches(['-', '*', '•']).trim())
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

/// One point of the compilation, with the groups that made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    pub key: PointKey,
    /// Its words, then those of the points merged into it.
    pub text: String,
    pub sources: Vec<String>,
    /// Marked to go into the minutes.
    pub included: bool,
    /// The points merged into this one, in order.
    pub merged: Vec<PointKey>,
}

impl Point {
    /// Takes in a point merged into this one.
    fn absorb(&mut self, merged: &Gathered) {
        self.text = format!("{}; {}", self.text.trim_end_matches('.'), merged.text);
        for source in &merged.sources {
            if !self.sources.contains(source) {
                self.sources.push(source.clone());
            }
        }
        self.merged.push(merged.key.clone());
    }
}

/// A question with its points, curated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionPoints {
    pub question: Question,
    pub points: Vec<Point>,
}

/// The coordinator's view: each question with its points, gathered from the
/// answers as they are now and curated by the decisions stored with the
/// question (`Question::curation`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compilation {
    pub questions: Vec<QuestionPoints>,
}

/// The words of a point as compared: single spaces, lower case.
fn fold(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl PointKey {
    /// A point's key within its question: a hash of its folded words (the
    /// first 64 bits of SHA-256, hex). Points written alike are one point,
    /// whichever groups wrote them, so the key leaves out who wrote it: a
    /// group renamed, or another group writing the same, keeps the point and
    /// its decisions. A hash, not the words, so keys are short in the order
    /// list; a collision within one question is not a practical risk.
    pub fn of(text: &str) -> PointKey {
        let digest = Sha256::digest(fold(text).as_bytes());
        PointKey(digest[..8].iter().map(|b| format!("{b:02x}")).collect())
    }
}

/// A point as gathered, before curation.
struct Gathered {
    key: PointKey,
    text: String,
    sources: Vec<String>,
}

/// Every group's points for `question`, in group order; a point several
/// groups wrote alike is listed once, with all of them as sources. Citizen
/// answers come last, as [`CITIZENS`].
fn gather_answers(dialogue: &Dialogue, question: &Question) -> Vec<Gathered> {
    let mut gathered: Vec<Gathered> = Vec::new();
    let mut add = |text: String, source: &str| {
        let key = PointKey::of(&text);
        match gathered.iter_mut().find(|p| p.key == key) {
            Some(point) if !point.sources.iter().any(|s| s == source) => {
                point.sources.push(source.to_owned())
            }
            Some(_) => {}
            None => gathered.push(Gathered {
                key,
                text,
                sources: vec![source.to_owned()],
            }),
        }
    };
    for group in &dialogue.small_groups {
        for answer in group.answers.iter().filter(|a| a.question == question.id) {
            points(&answer.text)
                .into_iter()
                .for_each(|p| add(p, &group.name));
        }
    }
    for answer in dialogue
        .citizen_answers
        .iter()
        .filter(|a| a.question == question.id)
    {
        points(&answer.text)
            .into_iter()
            .for_each(|p| add(p, CITIZENS));
    }
    gathered
}

/// The gathered points in the coordinator's order: the stored order's
/// points that are there, then the rest (added since, or concurrently with
/// a reorder) in gathered order.
fn in_order(gathered: Vec<Gathered>, order: &[PointKey]) -> Vec<Gathered> {
    let mut rest: Vec<Option<Gathered>> = gathered.into_iter().map(Some).collect();
    let mut ordered = Vec::with_capacity(rest.len());
    for key in order {
        if let Some(slot) = rest
            .iter_mut()
            .find(|slot| slot.as_ref().is_some_and(|p| &p.key == key))
        {
            ordered.extend(slot.take());
        }
    }
    ordered.extend(rest.into_iter().flatten());
    ordered
}

/// For each point (by position), the point it shows under: itself, or the
/// end of its chain of merges through points that are there. A merge into a
/// point no longer there is void. Two coordinators merging two points into
/// each other at once make a cycle: it shows under its earliest point.
fn roots(points: &[Gathered], merged_into: &BTreeMap<PointKey, PointKey>) -> Vec<usize> {
    let position = |key: &PointKey| points.iter().position(|p| &p.key == key);
    (0..points.len())
        .map(|start| {
            let mut chain = vec![start];
            loop {
                let last = chain[chain.len() - 1];
                let Some(next) = merged_into.get(&points[last].key).and_then(position) else {
                    return last;
                };
                if let Some(at) = chain.iter().position(|&i| i == next) {
                    return chain[at..].iter().copied().min().unwrap_or(next);
                }
                chain.push(next);
            }
        })
        .collect()
}

impl QuestionPoints {
    fn curated(question: &Question, gathered: Vec<Gathered>) -> QuestionPoints {
        let curation = &question.curation;
        let ordered = in_order(gathered, &curation.order);
        let roots = roots(&ordered, &curation.merged_into);
        let mut points: Vec<Point> = ordered
            .iter()
            .enumerate()
            .filter(|&(index, _)| roots[index] == index)
            .map(|(_, p)| Point {
                key: p.key.clone(),
                text: p.text.clone(),
                sources: p.sources.clone(),
                included: curation.included.get(&p.key).copied().unwrap_or(true),
                merged: Vec::new(),
            })
            .collect();
        for (index, merged) in ordered.iter().enumerate() {
            let root = &ordered[roots[index]].key;
            if let Some(point) = points
                .iter_mut()
                .find(|p| &p.key == root && root != &merged.key)
            {
                point.absorb(merged);
            }
        }
        QuestionPoints {
            question: question.clone(),
            points,
        }
    }

    /// Marking a point in or out of the minutes.
    pub fn toggle(&self, point: usize) -> Vec<CurationEdit> {
        self.points
            .get(point)
            .map(|p| CurationEdit::Include {
                point: p.key.clone(),
                included: !p.included,
            })
            .into_iter()
            .collect()
    }

    /// Moving a point to another place: the whole order, each point followed
    /// by those merged into it.
    pub fn move_point(&self, from: usize, to: usize) -> Vec<CurationEdit> {
        if from >= self.points.len() || to >= self.points.len() {
            return Vec::new();
        }
        let mut points: Vec<&Point> = self.points.iter().collect();
        let point = points.remove(from);
        points.insert(to, point);
        let order = points
            .into_iter()
            .flat_map(|p| std::iter::once(&p.key).chain(&p.merged))
            .cloned()
            .collect();
        vec![CurationEdit::Order(order)]
    }

    /// Merging point `other` into point `into`: one point saying both, made
    /// by the groups of both, in the minutes if either was.
    pub fn merge(&self, into: usize, other: usize) -> Vec<CurationEdit> {
        let (Some(target), Some(merged)) = (self.points.get(into), self.points.get(other)) else {
            return Vec::new();
        };
        if into == other {
            return Vec::new();
        }
        let mut edits = vec![CurationEdit::Merge {
            point: merged.key.clone(),
            into: target.key.clone(),
        }];
        if merged.included && !target.included {
            edits.push(CurationEdit::Include {
                point: target.key.clone(),
                included: true,
            });
        }
        edits
    }

    /// Telling a merged point's points apart again (the point itself too:
    /// it may head a cycle of merges made at once).
    pub fn split(&self, point: usize) -> Vec<CurationEdit> {
        self.points
            .get(point)
            .map(|p| {
                std::iter::once(&p.key)
                    .chain(&p.merged)
                    .map(|key| CurationEdit::Unmerge { point: key.clone() })
                    .collect()
            })
            .unwrap_or_default()
    }
}

impl Compilation {
    /// Every question's points, gathered from the answers as they are now,
    /// in the coordinator's order, marked and merged as decided.
    pub fn gather(dialogue: &Dialogue) -> Compilation {
        let questions = dialogue
            .questions
            .iter()
            .map(|question| QuestionPoints::curated(question, gather_answers(dialogue, question)))
            .collect();
        Compilation { questions }
    }

    /// The agenda item's heading and body for the minutes: the marked
    /// points grouped per question, each with the groups that made it.
    pub fn to_minutes(&self, dialogue: &Dialogue) -> (String, String) {
        let mut body = String::from("Dialogmaterialet sammanställt per fråga.\n");
        for QuestionPoints { question, points } in &self.questions {
            body.push('\n');
            body.push_str(question.text.trim());
            body.push('\n');
            for point in points.iter().filter(|p| p.included) {
                body.push_str(&format!(
                    "- {} ({})\n",
                    point.text,
                    point.sources.join(", ")
                ));
            }
        }
        (
            format!("Dialog: {}", dialogue.title),
            body.trim_end().to_owned(),
        )
    }
}

/// How many answered a question, and how, in a citizen dialogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    pub question: Question,
    pub answers: usize,
    /// Age group → answers ("" when not given), in order.
    pub by_age_group: Vec<(String, usize)>,
    pub by_area: Vec<(String, usize)>,
}

fn count<'a>(values: impl Iterator<Item = &'a Option<String>>) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for value in values {
        *counts.entry(value.clone().unwrap_or_default()).or_default() += 1;
    }
    counts.into_iter().collect()
}

pub fn tally(dialogue: &Dialogue) -> Vec<Tally> {
    dialogue
        .questions
        .iter()
        .map(|question| {
            let answers: Vec<_> = dialogue
                .citizen_answers
                .iter()
                .filter(|a| a.question == question.id)
                .collect();
            Tally {
                question: question.clone(),
                answers: answers.len(),
                by_age_group: count(answers.iter().map(|a| &a.age_group)),
                by_area: count(answers.iter().map(|a| &a.area)),
            }
        })
        .collect()
}

/// Swedish words too common to say anything about what people answered.
const STOP_WORDS: &[&str] = &[
    "och", "att", "det", "som", "för", "med", "den", "har", "inte", "till", "man", "kan", "ett",
    "var", "är", "på", "om", "men", "vi", "jag", "de", "du", "en", "av", "så", "när", "mer",
    "fler", "mycket", "också", "eller", "vara", "bli", "från", "här", "där", "finns", "ska",
    "skulle", "behöver", "kunna", "alla", "några", "något", "bara", "sina", "sin", "sitt", "deras",
    "vår", "våra", "vad", "hur", "dem", "oss", "mig", "dig", "efter", "under", "över", "utan",
    "genom", "blir", "får", "fått", "göra", "gör", "gärna", "nog", "väl", "lite", "hos", "mot",
];

/// The most common words of some texts (three letters or more, not stop
/// words), most common first, alphabetical among equals.
pub fn common_words<'a>(
    texts: impl IntoIterator<Item = &'a str>,
    how_many: usize,
) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for text in texts {
        for word in text
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
        {
            if word.chars().count() >= 3
                && !STOP_WORDS.contains(&word.as_str())
                && !word.chars().all(char::is_numeric)
            {
                *counts.entry(word).or_default() += 1;
            }
        }
    }
    let mut words: Vec<(String, usize)> = counts.into_iter().collect();
    crate::order::sort_by(&mut words, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    words.truncate(how_many);
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::WorkspaceDoc;
    use crate::ids::*;
    use crate::model::*;

    fn question(text: &str) -> Question {
        Question {
            id: QuestionId::random(),
            text: text.into(),
            curation: Curation::default(),
        }
    }

    fn lägesbild() -> Dialogue {
        let underlag = question("Vilka underlag finns till förfogande?");
        let hinder = question("Vilka hinder finns i lägesbildsarbetet?");
        let group = |name: &str, a: &str, b: &str| SmallGroup {
            id: SmallGroupId::random(),
            name: name.into(),
            members: vec![],
            answers: vec![
                Answer {
                    question: underlag.id.clone(),
                    text: a.into(),
                },
                Answer {
                    question: hinder.id.clone(),
                    text: b.into(),
                },
            ],
        };
        Dialogue {
            title: "Lägesbildsarbete".into(),
            small_groups: vec![
                group(
                    "Grupp 1",
                    "- Polisens statistik\n- Skolans trivselenkät",
                    "- Sekretess",
                ),
                group(
                    "Grupp 2",
                    "- polisens  statistik\n\n- Fältarnas iakttagelser",
                    "- Sekretess mellan myndigheter",
                ),
                group("Grupp 3", "Socialtjänstens orosanmälningar", ""),
            ],
            questions: vec![underlag, hinder],
            ..Default::default()
        }
    }

    #[test]
    fn points_are_the_lines_of_an_answer() {
        assert_eq!(
            points("- Ett\n\n  * Två \n• Tre\nFyra"),
            ["Ett", "Två", "Tre", "Fyra"]
        );
        assert!(points("  \n - \n").is_empty());
    }

    #[test]
    fn compiling_groups_points_per_question_with_their_sources() {
        let dialogue = lägesbild();
        let (heading, body) = Compilation::gather(&dialogue).to_minutes(&dialogue);
        assert_eq!(heading, "Dialog: Lägesbildsarbete");
        assert_eq!(
            body,
            "Dialogmaterialet sammanställt per fråga.\n\
             \n\
             Vilka underlag finns till förfogande?\n\
             - Polisens statistik (Grupp 1, Grupp 2)\n\
             - Skolans trivselenkät (Grupp 1)\n\
             - Fältarnas iakttagelser (Grupp 2)\n\
             - Socialtjänstens orosanmälningar (Grupp 3)\n\
             \n\
             Vilka hinder finns i lägesbildsarbetet?\n\
             - Sekretess (Grupp 1)\n\
             - Sekretess mellan myndigheter (Grupp 2)"
        );
    }

    /// A decision as the coordinator's page makes it: on the points as
    /// they are now on this device.
    fn decide(
        ws: &mut WorkspaceDoc,
        dialogue: &DialogueId,
        question: usize,
        decision: impl FnOnce(&QuestionPoints) -> Vec<CurationEdit>,
    ) {
        let compilation = Compilation::gather(&ws.get::<Dialogue>(dialogue).unwrap());
        let points = &compilation.questions[question];
        let edits = decision(points);
        ws.curate(dialogue, &points.question.id, &edits).unwrap();
        ws.commit(1);
    }

    fn minutes(ws: &WorkspaceDoc, dialogue: &DialogueId) -> String {
        let dialogue = ws.get::<Dialogue>(dialogue).unwrap();
        Compilation::gather(&dialogue).to_minutes(&dialogue).1
    }

    fn texts(ws: &WorkspaceDoc, dialogue: &DialogueId, question: usize) -> Vec<String> {
        let compilation = Compilation::gather(&ws.get::<Dialogue>(dialogue).unwrap());
        compilation.questions[question]
            .points
            .iter()
            .map(|p| format!("{}{}", if p.included { "" } else { "(out) " }, p.text))
            .collect()
    }

    fn stored(dialogue: Dialogue) -> (WorkspaceDoc, DialogueId) {
        let mut ws = WorkspaceDoc::create(&WorkspaceInfo::default()).unwrap();
        ws.put(&dialogue).unwrap();
        ws.commit(1);
        (ws, dialogue.id)
    }

    #[test]
    fn the_coordinator_marks_merges_and_reorders_and_a_reload_keeps_it() {
        let (mut ws, id) = stored(lägesbild());
        decide(&mut ws, &id, 1, |q| q.merge(0, 1));
        decide(&mut ws, &id, 0, |q| q.toggle(1));
        decide(&mut ws, &id, 0, |q| q.move_point(3, 0));
        decide(&mut ws, &id, 0, |q| q.move_point(9, 0)); // out of range: nothing happens
        decide(&mut ws, &id, 0, |q| q.merge(0, 3));
        let expected = "Dialogmaterialet sammanställt per fråga.\n\
             \n\
             Vilka underlag finns till förfogande?\n\
             - Socialtjänstens orosanmälningar; Fältarnas iakttagelser (Grupp 3, Grupp 2)\n\
             - Polisens statistik (Grupp 1, Grupp 2)\n\
             \n\
             Vilka hinder finns i lägesbildsarbetet?\n\
             - Sekretess; Sekretess mellan myndigheter (Grupp 1, Grupp 2)";
        assert_eq!(minutes(&ws, &id), expected);
        let reloaded = WorkspaceDoc::load(&ws.save()).unwrap();
        assert_eq!(minutes(&reloaded, &id), expected);

        decide(&mut ws, &id, 0, |q| q.split(0));
        assert_eq!(
            texts(&ws, &id, 0),
            [
                "Socialtjänstens orosanmälningar",
                "Polisens statistik",
                "(out) Skolans trivselenkät",
                "Fältarnas iakttagelser"
            ]
        );
    }

    #[test]
    fn a_point_is_known_by_its_words_whoever_wrote_them() {
        assert_eq!(
            PointKey::of("Polisens  statistik "),
            PointKey::of("polisens statistik")
        );
        assert_ne!(
            PointKey::of("Polisens statistik"),
            PointKey::of("Sekretess")
        );
        assert_eq!(PointKey::of("Sekretess").as_str().len(), 16);
    }

    #[test]
    fn decisions_stay_with_their_points_as_answers_are_added_and_edited() {
        let dialogue = lägesbild();
        let groups: Vec<SmallGroupId> =
            dialogue.small_groups.iter().map(|g| g.id.clone()).collect();
        let q = dialogue.questions[0].id.clone();
        let (mut ws, id) = stored(dialogue);
        decide(&mut ws, &id, 0, |q| q.toggle(1)); // Skolans trivselenkät out
        decide(&mut ws, &id, 0, |q| q.move_point(3, 0)); // Socialtjänstens first
        decide(&mut ws, &id, 0, |q| q.merge(1, 2)); // Polisens takes in Skolans

        // Group 3 adds a point and also writes one already there; group 2
        // rewrites the words of its own; group 1 is renamed.
        ws.set_group_answer(
            &id,
            &groups[2],
            &q,
            "Socialtjänstens orosanmälningar\n- Kommunens trygghetsmätning\n- Polisens statistik",
        )
        .unwrap();
        ws.set_group_answer(
            &id,
            &groups[1],
            &q,
            "- polisens  statistik\n\n- Fältarnas iakttagelser i centrum",
        )
        .unwrap();
        let mut renamed = ws.get::<Dialogue>(&id).unwrap();
        renamed.small_groups[0].name = "Bordet vid fönstret".into();
        ws.put(&renamed).unwrap();

        let compilation = Compilation::gather(&ws.get::<Dialogue>(&id).unwrap());
        let points: Vec<(String, String, bool)> = compilation.questions[0]
            .points
            .iter()
            .map(|p| (p.text.clone(), p.sources.join(", "), p.included))
            .collect();
        assert_eq!(
            points,
            [
                (
                    "Socialtjänstens orosanmälningar".into(),
                    "Grupp 3".into(),
                    true
                ),
                (
                    "Polisens statistik; Skolans trivselenkät".into(),
                    "Bordet vid fönstret, Grupp 2, Grupp 3".into(),
                    true
                ),
                (
                    "Fältarnas iakttagelser i centrum".into(),
                    "Grupp 2".into(),
                    true
                ),
                ("Kommunens trygghetsmätning".into(), "Grupp 3".into(), true),
            ]
        );
    }

    #[test]
    fn two_coordinators_curating_apart_both_keep_their_decisions() {
        let (mut first, id) = stored(lägesbild());
        let mut second = first.fork();
        decide(&mut first, &id, 0, |q| q.toggle(0)); // Polisens statistik out
        decide(&mut first, &id, 0, |q| q.merge(1, 2)); // Skolans takes in Fältarnas
        decide(&mut second, &id, 0, |q| q.move_point(3, 0)); // Socialtjänstens first
        decide(&mut second, &id, 1, |q| q.toggle(1)); // Sekretess mellan myndigheter out
        first.merge(&mut second.clone()).unwrap();
        second.merge(&mut first.clone()).unwrap();
        let expected = "Dialogmaterialet sammanställt per fråga.\n\
             \n\
             Vilka underlag finns till förfogande?\n\
             - Socialtjänstens orosanmälningar (Grupp 3)\n\
             - Skolans trivselenkät; Fältarnas iakttagelser (Grupp 1, Grupp 2)\n\
             \n\
             Vilka hinder finns i lägesbildsarbetet?\n\
             - Sekretess (Grupp 1)";
        assert_eq!(minutes(&first, &id), expected);
        assert_eq!(minutes(&second, &id), expected);
        assert_eq!(
            texts(&first, &id, 0)[1],
            "(out) Polisens statistik",
            "the point marked out is shown, unmarked"
        );
    }

    #[test]
    fn two_points_merged_into_each_other_at_once_become_one() {
        let (mut first, id) = stored(lägesbild());
        let mut second = first.fork();
        decide(&mut first, &id, 0, |q| q.merge(0, 1)); // Polisens takes in Skolans
        decide(&mut second, &id, 0, |q| q.move_point(1, 0)); // Skolans first…
        decide(&mut second, &id, 0, |q| q.merge(0, 1)); // …and takes in Polisens
        first.merge(&mut second.clone()).unwrap();
        second.merge(&mut first.clone()).unwrap();
        let expected = [
            "Skolans trivselenkät; Polisens statistik",
            "Fältarnas iakttagelser",
            "Socialtjänstens orosanmälningar",
        ];
        assert_eq!(texts(&first, &id, 0), expected);
        assert_eq!(texts(&second, &id, 0), expected);
        decide(&mut first, &id, 0, |q| q.split(0));
        assert_eq!(
            texts(&first, &id, 0).len(),
            4,
            "and can be told apart again"
        );
    }

    fn citizen(question: &QuestionId, text: &str, age: Option<&str>) -> CitizenAnswer {
        CitizenAnswer {
            id: CitizenAnswerId::random(),
            question: question.clone(),
            text: text.into(),
            age_group: age.map(str::to_owned),
            area: Some("Ånge tätort".into()),
            at_ms: 1_685_100_000_000,
        }
    }

    #[test]
    fn a_citizen_dialogue_is_tallied_and_its_common_words_found() {
        let mut dialogue = lägesbild();
        let q = dialogue.questions[0].id.clone();
        dialogue.citizen_answers = vec![
            citizen(&q, "Mer belysning i parken", Some("16–25")),
            citizen(
                &q,
                "Belysning vid busstationen och fler vuxna ute",
                Some("16–25"),
            ),
            citizen(&q, "Vuxna som vandrar på kvällarna", None),
        ];
        let tallies = tally(&dialogue);
        assert_eq!(tallies[0].answers, 3);
        assert_eq!(
            tallies[0].by_age_group,
            [(String::new(), 1), ("16–25".into(), 2)]
        );
        assert_eq!(tallies[0].by_area, [("Ånge tätort".into(), 3)]);
        assert_eq!(tallies[1].answers, 0);
        let words = common_words(dialogue.citizen_answers.iter().map(|a| a.text.as_str()), 3);
        assert_eq!(
            words,
            [
                ("belysning".into(), 2),
                ("vuxna".into(), 2),
                ("busstationen".into(), 1)
            ]
        );
        let (_, body) = Compilation::gather(&dialogue).to_minutes(&dialogue);
        assert!(body.contains("- Mer belysning i parken (Medborgardialog)"));
    }

    #[test]
    fn citizen_answers_carry_no_personal_data() {
        let mut ws = WorkspaceDoc::create(&WorkspaceInfo::default()).unwrap();
        let dialogue = lägesbild();
        ws.put(&dialogue).unwrap();
        let volunteer = PersonId::random();
        ws.sign_as(&volunteer).unwrap();
        let answer = citizen(&dialogue.questions[0].id, "Fler vuxna ute", Some("16–25"));
        ws.add_citizen_answer(&dialogue.id, &answer).unwrap();

        let stored = ws.get::<Dialogue>(&dialogue.id).unwrap();
        assert_eq!(stored.citizen_answers, [answer]);
        let json = serde_json::to_value(&stored.citizen_answers[0]).unwrap();
        let mut fields: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        fields.sort();
        assert_eq!(
            fields,
            ["ageGroup", "area", "atMs", "id", "question", "text"]
        );
        // Whoever held the tablet is not written into the answer either.
        assert!(
            !serde_json::to_string(&json)
                .unwrap()
                .contains(volunteer.as_str())
        );
    }

    #[test]
    fn groups_writing_at_once_and_answers_added_offline_all_survive() {
        let mut coordinator = WorkspaceDoc::create(&WorkspaceInfo::default()).unwrap();
        let dialogue = lägesbild();
        coordinator.put(&dialogue).unwrap();
        let mut group_two = coordinator.fork();
        let mut tablet = coordinator.fork();
        let q = &dialogue.questions[0].id;
        coordinator
            .set_group_answer(
                &dialogue.id,
                &dialogue.small_groups[0].id,
                q,
                "- Polisens statistik\n- BRÅ",
            )
            .unwrap();
        group_two
            .set_group_answer(
                &dialogue.id,
                &dialogue.small_groups[1].id,
                q,
                "- Fältarnas iakttagelser\n- Ny",
            )
            .unwrap();
        for i in 0..20 {
            tablet
                .add_citizen_answer(&dialogue.id, &citizen(q, &format!("Svar {i}"), None))
                .unwrap();
        }
        coordinator.merge(&mut group_two).unwrap();
        coordinator.merge(&mut tablet).unwrap();
        let merged = coordinator.get::<Dialogue>(&dialogue.id).unwrap();
        assert_eq!(merged.citizen_answers.len(), 20);
        let answers: Vec<&str> = merged
            .small_groups
            .iter()
            .take(2)
            .map(|g| {
                g.answers
                    .iter()
                    .find(|a| &a.question == q)
                    .unwrap()
                    .text
                    .as_str()
            })
            .collect();
        assert_eq!(
            answers,
            [
                "- Polisens statistik\n- BRÅ",
                "- Fältarnas iakttagelser\n- Ny"
            ]
        );
    }
}

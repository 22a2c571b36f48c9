//! Dialogues: gathering what small groups wrote into points per question,
//! curating them (mark, merge, reorder) and compiling them into minutes; and
//! summarising a citizen dialogue (a tally per question, the common words).

use std::collections::BTreeMap;

use crate::model::{Dialogue, Question};

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
    pub text: String,
    pub sources: Vec<String>,
    /// Marked to go into the minutes.
    pub included: bool,
}

/// The coordinator's working copy: each question with its points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compilation {
    pub questions: Vec<(Question, Vec<Point>)>,
}

fn same_point(a: &str, b: &str) -> bool {
    let fold = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    fold(a) == fold(b)
}

impl Compilation {
    /// Every group's points per question, in group order; a point several
    /// groups wrote alike is listed once, with all of them as sources.
    /// Citizen answers come last, as [`CITIZENS`].
    pub fn gather(dialogue: &Dialogue) -> Compilation {
        let questions = dialogue
            .questions
            .iter()
            .map(|question| {
                let mut gathered: Vec<Point> = Vec::new();
                let mut add = |text: String, source: &str| match gathered
                    .iter_mut()
                    .find(|p| same_point(&p.text, &text))
                {
                    Some(point) if !point.sources.iter().any(|s| s == source) => {
                        point.sources.push(source.to_owned())
                    }
                    Some(_) => {}
                    None => gathered.push(Point {
                        text,
                        sources: vec![source.to_owned()],
                        included: true,
                    }),
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
                (question.clone(), gathered)
            })
            .collect();
        Compilation { questions }
    }

    fn points_mut(&mut self, question: usize) -> Option<&mut Vec<Point>> {
        self.questions.get_mut(question).map(|(_, points)| points)
    }

    /// Marks a point in or out of the minutes.
    pub fn toggle(&mut self, question: usize, point: usize) {
        if let Some(p) = self
            .points_mut(question)
            .and_then(|points| points.get_mut(point))
        {
            p.included = !p.included;
        }
    }

    /// Moves a point to another place within its question.
    pub fn move_point(&mut self, question: usize, from: usize, to: usize) {
        if let Some(points) = self.points_mut(question)
            && from < points.len()
            && to < points.len()
        {
            let point = points.remove(from);
            points.insert(to, point);
        }
    }

    /// Merges point `other` into point `into`: one point saying both, made
    /// by the groups of both.
    pub fn merge(&mut self, question: usize, into: usize, other: usize) {
        let Some(points) = self.points_mut(question) else {
            return;
        };
        if into == other || into >= points.len() || other >= points.len() {
            return;
        }
        let merged = points[other].clone();
        let target = &mut points[into];
        target.text = format!("{}; {}", target.text.trim_end_matches('.'), merged.text);
        for source in merged.sources {
            if !target.sources.contains(&source) {
                target.sources.push(source);
            }
        }
        target.included |= merged.included;
        points.remove(other);
    }

    /// The agenda item's heading and body for the minutes: the marked
    /// points grouped per question, each with the groups that made it.
    pub fn to_minutes(&self, dialogue: &Dialogue) -> (String, String) {
        let mut body = String::from("Dialogmaterialet sammanställt per fråga.\n");
        for (question, points) in &self.questions {
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
    words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
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

    #[test]
    fn the_coordinator_marks_merges_and_reorders() {
        let dialogue = lägesbild();
        let mut compilation = Compilation::gather(&dialogue);
        compilation.merge(1, 0, 1);
        compilation.toggle(0, 1);
        compilation.move_point(0, 3, 0);
        compilation.move_point(0, 9, 0); // out of range: nothing happens
        let (_, body) = compilation.to_minutes(&dialogue);
        assert_eq!(
            body,
            "Dialogmaterialet sammanställt per fråga.\n\
             \n\
             Vilka underlag finns till förfogande?\n\
             - Socialtjänstens orosanmälningar (Grupp 3)\n\
             - Polisens statistik (Grupp 1, Grupp 2)\n\
             - Fältarnas iakttagelser (Grupp 2)\n\
             \n\
             Vilka hinder finns i lägesbildsarbetet?\n\
             - Sekretess; Sekretess mellan myndigheter (Grupp 1, Grupp 2)"
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

//! A citizen dialogue's results: answers per question, by age group and
//! area, and the most common words, for the summary.

use leptos::prelude::*;
use radslag_core::dialogue::{common_words, tally};

use super::use_dialogue;
use crate::i18n::use_i18n;

#[component]
pub fn Results() -> impl IntoView {
    let i18n = use_i18n();
    let (_, dialogue) = use_dialogue();
    let results = move || {
        dialogue.with(|d| {
            d.as_ref()
                .map(|d| {
                    tally(d)
                        .into_iter()
                        .map(|t| {
                            let texts = d
                                .citizen_answers
                                .iter()
                                .filter(|a| a.question == t.question.id)
                                .map(|a| a.text.as_str());
                            let words = common_words(texts, 10);
                            (t, words)
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let described = |counts: Vec<(String, usize)>, unknown: &'static str| {
        counts
            .into_iter()
            .map(|(k, n)| format!("{}: {n}", if k.is_empty() { unknown } else { &k }))
            .collect::<Vec<_>>()
            .join(", ")
    };
    view! {
        {move || results().into_iter().map(|(t, words)| view! {
            <section class="result">
                <h2>{t.question.text.clone()}</h2>
                <p class="tally"><strong>{t.answers}</strong>" "{i18n.t().dialogues.answers_count}</p>
                <p>{i18n.t().dialogues.by_age_group}": "{described(t.by_age_group, i18n.t().dialogues.not_given)}</p>
                <p>{i18n.t().dialogues.by_area}": "{described(t.by_area, i18n.t().dialogues.not_given)}</p>
                <h3>{i18n.t().dialogues.common_words}</h3>
                <ol class="words">
                    {words.into_iter().map(|(word, n)| view! { <li>{word}" ("{n}")"</li> }).collect_view()}
                </ol>
            </section>
        }).collect_view()}
    }
}

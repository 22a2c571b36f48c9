//! The next meeting: a date and time per group; creating them adds the
//! meetings (with the default template's items), links them from this one,
//! writes them under its "Nästa möte" item, and puts them on the annual wheel.

use leptos::prelude::*;
use leptos_router::components::A;
use radslag_core::{
    ids::{MeetingId, TemplateId},
    meetings::{
        DEFAULT_TEMPLATE_ID, Register,
        dates::{long_date, time_range},
        next::{NextPlan, create_next, suggested_plans},
    },
    model::{Group, Meeting, Person, Template},
};

use super::use_register;
use crate::i18n::use_i18n;
use crate::routes;
use crate::state::use_workspace;
use radslag_core::time::{date_value, parse_date, parse_time, time_value};

#[component]
pub fn NextMeeting(id: Signal<MeetingId>, meeting: Memo<Option<Meeting>>) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let (_, groups) = use_register();
    let t = move || i18n.t().meetings;
    // The form's rows follow the meeting's groups; what was typed in a row stays.
    let plans = RwSignal::new(Vec::<NextPlan>::new());
    let groups_of_meeting = Memo::new(move |_| {
        meeting.with(|m| m.as_ref().map(|m| m.groups.clone()).unwrap_or_default())
    });
    Effect::new(move |_| {
        groups_of_meeting.track();
        let Some(m) = meeting.get_untracked() else {
            return;
        };
        let suggested = suggested_plans(&m);
        plans.update(|rows| {
            let kept: Vec<NextPlan> = suggested
                .into_iter()
                .map(|s| {
                    rows.iter()
                        .find(|r| r.group == s.group)
                        .cloned()
                        .unwrap_or(s)
                })
                .collect();
            *rows = kept;
        });
    });
    let created = Memo::new(move |_| {
        let ids = meeting.with(|m| {
            m.as_ref()
                .map(|m| m.next_meetings.clone())
                .unwrap_or_default()
        });
        ids.iter()
            .filter_map(|id| ws.get::<Meeting>(id))
            .collect::<Vec<_>>()
    });
    let error = RwSignal::new(false);
    // Bumped to redraw the rows (cleared) after creating.
    let generation = RwSignal::new(0_u32);
    let done = RwSignal::new(String::new());
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let rows = plans.get_untracked();
        if rows.iter().all(|p| p.date.is_none()) {
            error.set(true);
            return;
        }
        error.set(false);
        let source_id = id.get_untracked();
        let made = ws.change(|d| {
            let Some(source) = d.get::<Meeting>(&source_id) else {
                return Ok(Vec::new());
            };
            let (people, groups) = (d.list::<Person>(), d.list::<Group>());
            let template = d.get::<Template>(&TemplateId::from(DEFAULT_TEMPLATE_ID));
            let (updated, created) = create_next(
                &source,
                &rows,
                &Register::new(&people, &groups),
                template.as_ref(),
            );
            for m in &created {
                d.put(m)?;
            }
            d.put(&updated)?;
            Ok(created)
        });
        if let Ok(made) = made {
            let names: Vec<String> = made.iter().map(|m| m.title.clone()).collect();
            done.set(format!("{}: {}", t().created_meetings, names.join(", ")));
            plans.update(|rows| rows.iter_mut().for_each(|r| r.date = None));
            generation.update(|g| *g += 1);
        }
    };
    let row_label = move |plan: &NextPlan| {
        plan.group
            .as_ref()
            .and_then(|g| groups.with(|gs| gs.iter().find(|x| &x.id == g).map(|x| x.name.clone())))
            .unwrap_or_else(|| t().whole_meeting.to_owned())
    };
    view! {
        <section class="next-meeting" aria-labelledby="next-heading">
            <h2 id="next-heading">{move || t().next_meeting}</h2>
            <Show when=move || !created.with(Vec::is_empty)>
                <h3>{move || t().next_created}</h3>
                <ul class="next-list">
                    {move || created.get().into_iter().map(|m| {
                        let href = routes::meeting(&ws.id.get_untracked().unwrap_or_default(), &m.id);
                        let when = [m.date.map(|d| long_date(d, t().locale)).unwrap_or_default(), time_range(m.start_time, m.end_time)]
                            .into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ");
                        view! { <li><A href=href>{m.title.clone()}</A>" "<span class="detail">{when}</span></li> }
                    }).collect_view()}
                </ul>
            </Show>
            <p class="hint">{move || t().next_intro}</p>
            <form class="next-form" on:submit=create novalidate>
                <For each=move || {
                        let generation = generation.get();
                        plans.with(|rows| rows.iter().cloned().enumerate().map(|(row, plan)| (generation, row, plan)).collect::<Vec<_>>())
                    }
                    key=|(generation, row, plan)| (*generation, *row, plan.group.clone())
                    let:entry>
                    {
                        let (_, row, plan) = entry;
                        let legend = row_label(&plan);
                        let set = move |f: Box<dyn FnOnce(&mut NextPlan)>| plans.update(|rows| if let Some(r) = rows.get_mut(row) { f(r) });
                        let key = format!("next-{row}");
                        view! {
                            <fieldset class="next-row">
                                <legend>{legend}</legend>
                                <div class="field-row">
                                    <div class="field">
                                        <label for=format!("{key}-date")>{move || t().date}</label>
                                        <input id=format!("{key}-date") type="date" value=date_value(plan.date)
                                            on:input=move |ev| { let v = parse_date(&event_target_value(&ev)); set(Box::new(move |r| r.date = v)); }/>
                                    </div>
                                    <div class="field">
                                        <label for=format!("{key}-start")>{move || t().start}</label>
                                        <input id=format!("{key}-start") type="time" value=time_value(plan.start_time)
                                            on:input=move |ev| { let v = parse_time(&event_target_value(&ev)); set(Box::new(move |r| r.start_time = v)); }/>
                                    </div>
                                    <div class="field">
                                        <label for=format!("{key}-end")>{move || t().end}</label>
                                        <input id=format!("{key}-end") type="time" value=time_value(plan.end_time)
                                            on:input=move |ev| { let v = parse_time(&event_target_value(&ev)); set(Box::new(move |r| r.end_time = v)); }/>
                                    </div>
                                    <div class="field">
                                        <label for=format!("{key}-place")>{move || t().place}</label>
                                        <input id=format!("{key}-place") value=plan.place.clone()
                                            on:input=move |ev| { let v = event_target_value(&ev); set(Box::new(move |r| r.place = v)); }/>
                                    </div>
                                </div>
                            </fieldset>
                        }
                    }
                </For>
                <p class="error" role="alert">{move || error.get().then(|| t().next_needs_date)}</p>
                <button type="submit">{move || t().create_next}</button>
                <p class="hint" role="status">{move || done.get()}</p>
            </form>
        </section>
    }
}

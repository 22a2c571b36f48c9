//! What lists of actions look up (names, and the groups an action belongs
//! to), read once per change of what they come from and shared by every
//! line: a meeting page with twenty action lines builds them once, not
//! twenty times per keystroke.

use leptos::prelude::*;
use radslag_core::{
    actions::{Register, export::Names},
    model::{Group, Meeting, Person, WheelEvent},
};

use super::Workspace;

#[derive(Clone, Copy)]
pub struct Lookups {
    pub names: Memo<Names>,
    pub register: Memo<Register>,
}

impl Lookups {
    pub fn new(ws: Workspace) -> Lookups {
        Lookups {
            names: Memo::new(move |_| {
                Names::new(
                    &ws.list::<Group>(),
                    &ws.list::<Person>(),
                    &ws.list::<Meeting>(),
                    &ws.list::<WheelEvent>(),
                )
            }),
            register: Memo::new(move |_| {
                Register::new(
                    &ws.list::<Meeting>(),
                    &ws.list::<Person>(),
                    &ws.list::<WheelEvent>(),
                )
            }),
        }
    }
}

pub fn use_lookups() -> Lookups {
    expect_context::<Lookups>()
}

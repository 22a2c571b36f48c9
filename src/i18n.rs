//! The app's words in Swedish (first) and English. One struct per language,
//! so a missing translation is a compile error rather than a blank button.

use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Sv,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Lang {
        if code == "en" { Lang::En } else { Lang::Sv }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Sv => &SV,
            Lang::En => &EN,
        }
    }
}

pub struct Texts {
    pub app_name: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_meetings: &'static str,
    pub nav_actions: &'static str,
    pub nav_wheel: &'static str,
    pub nav_dialogues: &'static str,
    pub nav_people: &'static str,
    pub switch_language: &'static str,
    pub you_are: &'static str,
    pub choose_yourself: &'static str,
    pub workspace_switcher: &'static str,
    pub new_workspace: &'static str,
    pub welcome_title: &'static str,
    pub welcome_intro: &'static str,
    pub workspace_name: &'static str,
    pub workspace_name_hint: &'static str,
    pub organisation: &'static str,
    pub organisation_hint: &'static str,
    pub groups: &'static str,
    pub groups_hint: &'static str,
    pub group_name: &'static str,
    pub add_group: &'static str,
    pub remove: &'static str,
    pub create_workspace: &'static str,
    pub name_required: &'static str,
    pub people: &'static str,
    pub person_name: &'static str,
    pub role: &'static str,
    pub role_hint: &'static str,
    pub add_person: &'static str,
    pub save: &'static str,
    pub cancel: &'static str,
    pub edit: &'static str,
    pub delete: &'static str,
    pub no_people: &'static str,
    pub no_groups: &'static str,
    pub member_of: &'static str,
    pub meetings_intro: &'static str,
    pub no_meetings: &'static str,
    pub actions_intro: &'static str,
    pub no_actions: &'static str,
    pub wheel_intro: &'static str,
    pub no_wheel_events: &'static str,
    pub dialogues_intro: &'static str,
    pub no_dialogues: &'static str,
    pub storage_full: &'static str,
    pub storage_unreadable: &'static str,
    pub storage_newer: &'static str,
    pub download_backup: &'static str,
    pub update_ready: &'static str,
    pub reload: &'static str,
    pub dismiss: &'static str,
    pub workspace_missing: &'static str,
    pub go_home: &'static str,
}

pub static SV: Texts = Texts {
    app_name: "Rådslag",
    skip_to_content: "Hoppa till innehållet",
    nav_label: "Huvudmeny",
    nav_meetings: "Möten",
    nav_actions: "Åtgärder",
    nav_wheel: "Årshjul",
    nav_dialogues: "Dialoger",
    nav_people: "Personer",
    switch_language: "In English",
    you_are: "Du är",
    choose_yourself: "Välj dig själv…",
    workspace_switcher: "Arbetsyta",
    new_workspace: "Ny arbetsyta…",
    welcome_title: "Välkommen till Rådslag",
    welcome_intro: "Rådslag samlar ert samverkansråds möten och minnesanteckningar, åtgärder, årshjul och dialoger. Allt sparas i den här webbläsaren och fungerar utan nätverk. Börja med att skapa en arbetsyta för ert råd.",
    workspace_name: "Rådets namn",
    workspace_name_hint: "T.ex. Trygghetsrådet och Klara-gruppen",
    organisation: "Organisation",
    organisation_hint: "T.ex. Ånge kommun",
    groups: "Grupper",
    groups_hint: "De grupper som möts, t.ex. Trygghetsrådet och Klara-gruppen.",
    group_name: "Gruppens namn",
    add_group: "Lägg till grupp",
    remove: "Ta bort",
    create_workspace: "Skapa arbetsyta",
    name_required: "Ange rådets namn.",
    people: "Personer",
    person_name: "Namn",
    role: "Roll",
    role_hint: "T.ex. rektor, kommunpolis, fältassistent",
    add_person: "Lägg till person",
    save: "Spara",
    cancel: "Avbryt",
    edit: "Ändra",
    delete: "Ta bort",
    no_people: "Inga personer ännu. Lägg till rådets medlemmar här.",
    no_groups: "Inga grupper ännu.",
    member_of: "Med i",
    meetings_intro: "Rådets möten med dagordning och minnesanteckningar.",
    no_meetings: "Inga möten ännu.",
    actions_intro: "Åtgärder att följa upp från möte till möte.",
    no_actions: "Inga åtgärder ännu.",
    wheel_intro: "Årets möten, evenemang, kampanjveckor, lagändringar och mätningar.",
    no_wheel_events: "Inga händelser i årshjulet ännu.",
    dialogues_intro: "Dialoger i smågrupper och medborgardialoger.",
    no_dialogues: "Inga dialoger ännu.",
    storage_full: "Webbläsarens lagring är full. Dina ändringar finns kvar i minnet men kan inte sparas förrän utrymme frigörs. Ladda ner en säkerhetskopia nu.",
    storage_unreadable: "Den sparade arbetsytan kunde inte läsas. Inget har skrivits över: datan finns kvar som säkerhetskopia i webbläsaren och kan laddas ner.",
    storage_newer: "Arbetsytan är sparad av en nyare version av Rådslag. Ladda om sidan för att hämta den nya versionen.",
    download_backup: "Ladda ner säkerhetskopia",
    update_ready: "En ny version av Rådslag finns. Den används när du laddar om sidan.",
    reload: "Ladda om",
    dismiss: "Stäng",
    workspace_missing: "Den här arbetsytan finns inte i den här webbläsaren.",
    go_home: "Till startsidan",
};

pub static EN: Texts = Texts {
    app_name: "Rådslag",
    skip_to_content: "Skip to content",
    nav_label: "Main menu",
    nav_meetings: "Meetings",
    nav_actions: "Actions",
    nav_wheel: "Annual wheel",
    nav_dialogues: "Dialogues",
    nav_people: "People",
    switch_language: "På svenska",
    you_are: "You are",
    choose_yourself: "Choose yourself…",
    workspace_switcher: "Workspace",
    new_workspace: "New workspace…",
    welcome_title: "Welcome to Rådslag",
    welcome_intro: "Rådslag keeps your council's meetings and minutes, actions, annual wheel and dialogues. Everything is saved in this browser and works without a network. Start by creating a workspace for your council.",
    workspace_name: "Council name",
    workspace_name_hint: "E.g. Trygghetsrådet och Klara-gruppen",
    organisation: "Organisation",
    organisation_hint: "E.g. Ånge kommun",
    groups: "Groups",
    groups_hint: "The groups that meet, e.g. Trygghetsrådet and Klara-gruppen.",
    group_name: "Group name",
    add_group: "Add group",
    remove: "Remove",
    create_workspace: "Create workspace",
    name_required: "Enter the council's name.",
    people: "People",
    person_name: "Name",
    role: "Role",
    role_hint: "E.g. principal, community police officer, field worker",
    add_person: "Add person",
    save: "Save",
    cancel: "Cancel",
    edit: "Edit",
    delete: "Delete",
    no_people: "No people yet. Add the council's members here.",
    no_groups: "No groups yet.",
    member_of: "Member of",
    meetings_intro: "The council's meetings with agenda and minutes.",
    no_meetings: "No meetings yet.",
    actions_intro: "Actions to follow up from meeting to meeting.",
    no_actions: "No actions yet.",
    wheel_intro: "The year's meetings, events, campaign weeks, law changes and measurements.",
    no_wheel_events: "No events on the annual wheel yet.",
    dialogues_intro: "Small-group dialogues and citizen dialogues.",
    no_dialogues: "No dialogues yet.",
    storage_full: "The browser's storage is full. Your changes are kept in memory but cannot be saved until space is freed. Download a backup now.",
    storage_unreadable: "The saved workspace could not be read. Nothing was overwritten: the data is kept as a backup in this browser and can be downloaded.",
    storage_newer: "This workspace was saved by a newer version of Rådslag. Reload the page to get the new version.",
    download_backup: "Download backup",
    update_ready: "A new version of Rådslag is ready. It starts when you reload the page.",
    reload: "Reload",
    dismiss: "Close",
    workspace_missing: "This workspace is not in this browser.",
    go_home: "Go to the start page",
};

/// The current language, provided as context at the root.
#[derive(Clone, Copy)]
pub struct I18n(pub RwSignal<Lang>);

impl I18n {
    pub fn t(&self) -> &'static Texts {
        self.0.get().texts()
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

//! The app's words in Swedish (first) and English. One struct per language,
//! so a missing translation is a compile error rather than a blank button.
//! The words more than one feature shares are here (navigation, sync state,
//! notices, shared buttons and labels); a feature's own words are in its
//! module below, reached through [`Texts`] (`t.wheel`, `t.meetings`,
//! `t.actions`, `t.dialogues`, `t.people`, `t.welcome`, `t.settings`,
//! `t.trash`, `t.history`, `t.news`).
//! Pages import their words from here, never the reverse.

pub mod actions;
pub mod dialogues;
pub mod history;
pub mod meetings;
pub mod news;
pub mod people;
pub mod settings;
pub mod trash;
pub mod welcome;
pub mod wheel;

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
    pub workspace_name: &'static str,
    pub organisation: &'static str,
    pub organisation_hint: &'static str,
    pub groups: &'static str,
    pub group_name: &'static str,
    pub add_group: &'static str,
    pub name_required: &'static str,
    /// The heading over the council's people (welcome and people pages).
    pub people_heading: &'static str,
    pub person_name: &'static str,
    pub role: &'static str,
    pub add_person: &'static str,
    pub save: &'static str,
    pub cancel: &'static str,
    pub edit: &'static str,
    pub delete: &'static str,
    /// The annual wheel's own words.
    pub wheel: &'static wheel::WheelTexts,
    /// The meetings pages' own words.
    pub meetings: &'static meetings::MeetingTexts,
    /// The actions' own words.
    pub actions: &'static actions::ActionTexts,
    /// The dialogues pages' own words.
    pub dialogues: &'static dialogues::DialogueTexts,
    /// The people page's own words.
    pub people: &'static people::PeopleTexts,
    /// The welcome page's own words.
    pub welcome: &'static welcome::WelcomeTexts,
    /// The settings page's own words.
    pub settings: &'static settings::SettingsTexts,
    /// Deleting and restoring: *Ångra* and *Borttaget*.
    pub trash: &'static trash::TrashTexts,
    /// A meeting's history: its versions.
    pub history: &'static history::HistoryTexts,
    /// What others changed since this device last looked.
    pub news: &'static news::NewsTexts,
    pub title: &'static str,
    pub one_per_line: &'static str,
    pub no_meeting: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub new_meeting: &'static str,
    pub storage_full: &'static str,
    pub storage_unreadable: &'static str,
    pub storage_newer: &'static str,
    pub held_back: &'static str,
    pub held_back_by: &'static str,
    pub held_back_unknown_device: &'static str,
    pub held_back_newer: &'static str,
    pub restore_confirm_other: &'static str,
    pub download_backup: &'static str,
    pub update_ready: &'static str,
    pub reload: &'static str,
    /// A page whose part of the app could not be fetched.
    pub page_not_loaded: &'static str,
    /// A page whose part of the app is being fetched.
    pub page_loading: &'static str,
    pub dismiss: &'static str,
    pub workspace_missing: &'static str,
    pub go_home: &'static str,
    pub fetch_from_server: &'static str,
    pub fetch_from_server_hint: &'static str,
    pub opening: &'static str,
    pub joining: &'static str,
    pub joining_hint: &'static str,
    pub join_not_found: &'static str,
    pub not_an_invitation: &'static str,
    pub sync_offline: &'static str,
    pub sync_connecting: &'static str,
    pub sync_syncing: &'static str,
    pub sync_synced: &'static str,
    /// A workspace's sync state in the switcher.
    pub workspace_offline: &'static str,
    pub workspace_syncing: &'static str,
    pub workspace_synced: &'static str,
    pub others_here: &'static str,
    pub invite: &'static str,
    pub invite_hint: &'static str,
    pub invite_link: &'static str,
    pub copy_link: &'static str,
    pub copied: &'static str,
    pub copy_by_hand: &'static str,
    pub unknown_person: &'static str,
    pub nav_settings: &'static str,
    pub saved: &'static str,
    pub restore_backup: &'static str,
    pub restore_hint: &'static str,
    pub restore_merged: &'static str,
    pub restore_nothing_new: &'static str,
    pub restore_not_a_backup: &'static str,
    pub restore_other_workspace: &'static str,
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
    workspace_name: "Rådets namn",
    organisation: "Organisation",
    organisation_hint: "T.ex. Ånge kommun",
    groups: "Grupper",
    group_name: "Gruppens namn",
    add_group: "Lägg till grupp",
    name_required: "Ange rådets namn.",
    people_heading: "Personer",
    person_name: "Namn",
    role: "Roll",
    add_person: "Lägg till person",
    save: "Spara",
    cancel: "Avbryt",
    edit: "Ändra",
    delete: "Ta bort",
    wheel: &wheel::SV,
    meetings: &meetings::SV,
    actions: &actions::SV,
    dialogues: &dialogues::SV,
    people: &people::SV,
    welcome: &welcome::SV,
    settings: &settings::SV,
    trash: &trash::SV,
    history: &history::SV,
    news: &news::SV,
    title: "Rubrik",
    one_per_line: "En fråga per rad.",
    no_meeting: "Inget möte",
    move_up: "Flytta upp",
    move_down: "Flytta ned",
    new_meeting: "Nytt möte",
    storage_full: "Webbläsarens lagring är full. Dina ändringar finns kvar i minnet men kan inte sparas förrän utrymme frigörs. Ladda ner en säkerhetskopia nu.",
    storage_unreadable: "Den sparade arbetsytan kunde inte läsas. Inget har skrivits över: datan finns kvar som säkerhetskopia i webbläsaren och kan laddas ner.",
    storage_newer: "Arbetsytan är sparad av en nyare version av Rådslag. Ladda om sidan för att hämta den nya versionen.",
    held_back: "En ändring i arbetsytan kunde inte läsas, så den visas som den var före ändringen. Du kan arbeta vidare; inget har skrivits över.",
    held_back_by: "Ändringen gjordes av",
    held_back_unknown_device: "en okänd enhet",
    held_back_newer: "Den kommer från en nyare version av Rådslag: appen behöver uppdateras. Den nya versionen hämtas nu och används när du laddar om sidan.",
    restore_confirm_other: "Säkerhetskopian hör till en annan arbetsyta än den som är öppen. Lägga till den som en egen arbetsyta?",
    download_backup: "Ladda ner säkerhetskopia",
    update_ready: "En ny version av Rådslag finns. Den används när du laddar om sidan.",
    reload: "Ladda om",
    page_loading: "Hämtar sidan…",
    page_not_loaded: "Den här delen av appen kunde inte hämtas. Kontrollera anslutningen och ladda om sidan; inget du skrivit har försvunnit.",
    dismiss: "Stäng",
    workspace_missing: "Den här arbetsytan finns inte i den här webbläsaren.",
    go_home: "Till startsidan",
    fetch_from_server: "Hämta arbetsytan från servern",
    fetch_from_server_hint: "Har du fått en inbjudan kan arbetsytan hämtas från servern.",
    opening: "Öppnar arbetsytan…",
    joining: "Hämtar arbetsytan…",
    joining_hint: "Arbetsytan hämtas från servern och öppnas när den har kommit. Är du offline hämtas den när nätverket är tillbaka.",
    join_not_found: "Servern har ingen arbetsyta med den här länken. Kontrollera länken med den som bjöd in dig.",
    not_an_invitation: "Länken är inte en inbjudan till en arbetsyta. Kontrollera att hela länken kom med.",
    sync_offline: "Offline — ändringar sparas lokalt",
    sync_connecting: "Ansluter…",
    sync_syncing: "Synkar…",
    sync_synced: "Allt synkat",
    workspace_offline: "offline",
    workspace_syncing: "synkar",
    workspace_synced: "synkad",
    others_here: "Här nu",
    invite: "Bjud in",
    invite_hint: "Den som har länken kan läsa och ändra arbetsytan. Dela den bara med rådets medlemmar.",
    invite_link: "Inbjudningslänk",
    copy_link: "Kopiera länken",
    copied: "Kopierad.",
    copy_by_hand: "Länken är markerad: kopiera den med Ctrl+C (⌘C på Mac).",
    unknown_person: "Okänd",
    nav_settings: "Inställningar",
    saved: "Sparat.",
    restore_backup: "Återställ från säkerhetskopia",
    restore_hint: "Välj en .automerge-fil som laddats ner från Rådslag.",
    restore_merged: "Säkerhetskopian är inläst och ihopslagen med arbetsytan.",
    restore_nothing_new: "Säkerhetskopian innehöll inget som inte redan finns här.",
    restore_not_a_backup: "Filen är ingen säkerhetskopia från Rådslag. Inget har ändrats.",
    restore_other_workspace: "Säkerhetskopian hör till en annan arbetsyta.",
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
    workspace_name: "Council name",
    organisation: "Organisation",
    organisation_hint: "E.g. Ånge kommun",
    groups: "Groups",
    group_name: "Group name",
    add_group: "Add group",
    name_required: "Enter the council's name.",
    people_heading: "People",
    person_name: "Name",
    role: "Role",
    add_person: "Add person",
    save: "Save",
    cancel: "Cancel",
    edit: "Edit",
    delete: "Delete",
    wheel: &wheel::EN,
    meetings: &meetings::EN,
    actions: &actions::EN,
    dialogues: &dialogues::EN,
    people: &people::EN,
    welcome: &welcome::EN,
    settings: &settings::EN,
    trash: &trash::EN,
    history: &history::EN,
    news: &news::EN,
    title: "Title",
    one_per_line: "One question per line.",
    no_meeting: "No meeting",
    move_up: "Move up",
    move_down: "Move down",
    new_meeting: "New meeting",
    storage_full: "The browser's storage is full. Your changes are kept in memory but cannot be saved until space is freed. Download a backup now.",
    storage_unreadable: "The saved workspace could not be read. Nothing was overwritten: the data is kept as a backup in this browser and can be downloaded.",
    storage_newer: "This workspace was saved by a newer version of Rådslag. Reload the page to get the new version.",
    held_back: "A change to the workspace could not be read, so it is shown as it was before that change. You can keep working; nothing was overwritten.",
    held_back_by: "The change was made by",
    held_back_unknown_device: "an unknown device",
    held_back_newer: "It comes from a newer version of Rådslag: the app needs updating. The new version is being fetched and starts when you reload the page.",
    restore_confirm_other: "The backup belongs to another workspace than the open one. Add it as a workspace of its own?",
    download_backup: "Download backup",
    update_ready: "A new version of Rådslag is ready. It starts when you reload the page.",
    reload: "Reload",
    page_loading: "Fetching the page…",
    page_not_loaded: "This part of the app could not be fetched. Check the connection and reload the page; nothing you wrote is lost.",
    dismiss: "Close",
    workspace_missing: "This workspace is not in this browser.",
    go_home: "Go to the start page",
    fetch_from_server: "Fetch the workspace from the server",
    fetch_from_server_hint: "If you were invited, the workspace can be fetched from the server.",
    opening: "Opening the workspace…",
    joining: "Fetching the workspace…",
    joining_hint: "The workspace is fetched from the server and opens when it has arrived. If you are offline, it is fetched when the network is back.",
    join_not_found: "The server has no workspace with this link. Check the link with whoever invited you.",
    not_an_invitation: "The link is not an invitation to a workspace. Check that the whole link came along.",
    sync_offline: "Offline — changes are saved locally",
    sync_connecting: "Connecting…",
    sync_syncing: "Syncing…",
    sync_synced: "All synced",
    workspace_offline: "offline",
    workspace_syncing: "syncing",
    workspace_synced: "synced",
    others_here: "Here now",
    invite: "Invite",
    invite_hint: "Anyone with the link can read and change the workspace. Share it only with the council’s members.",
    invite_link: "Invitation link",
    copy_link: "Copy the link",
    copied: "Copied.",
    copy_by_hand: "The link is selected: copy it with Ctrl+C (⌘C on a Mac).",
    unknown_person: "Unknown",
    nav_settings: "Settings",
    saved: "Saved.",
    restore_backup: "Restore from a backup",
    restore_hint: "Choose an .automerge file downloaded from Rådslag.",
    restore_merged: "The backup is restored and merged into the workspace.",
    restore_nothing_new: "The backup held nothing that is not already here.",
    restore_not_a_backup: "The file is not a Rådslag backup. Nothing was changed.",
    restore_other_workspace: "The backup belongs to another workspace.",
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

//! The welcome page's words, Swedish and English. Reached through
//! `Texts::welcome`, so a missing translation is a compile error.

pub struct WelcomeTexts {
    pub welcome_title: &'static str,
    pub welcome_intro: &'static str,
    pub workspace_name_hint: &'static str,
    pub groups_hint: &'static str,
    pub remove: &'static str,
    pub create_workspace: &'static str,
    pub have_backup: &'static str,
}

pub static SV: WelcomeTexts = WelcomeTexts {
    welcome_title: "Välkommen till Rådslag",
    welcome_intro: "Rådslag samlar ert samverkansråds möten och minnesanteckningar, åtgärder, årshjul och dialoger. Allt sparas i den här webbläsaren och fungerar utan nätverk. Börja med att skapa en arbetsyta för ert råd.",
    workspace_name_hint: "T.ex. Trygghetsrådet och Klara-gruppen",
    groups_hint: "De grupper som möts, t.ex. Trygghetsrådet och Klara-gruppen.",
    remove: "Ta bort",
    create_workspace: "Skapa arbetsyta",
    have_backup: "Har du en säkerhetskopia?",
};

pub static EN: WelcomeTexts = WelcomeTexts {
    welcome_title: "Welcome to Rådslag",
    welcome_intro: "Rådslag keeps your council's meetings and minutes, actions, annual wheel and dialogues. Everything is saved in this browser and works without a network. Start by creating a workspace for your council.",
    workspace_name_hint: "E.g. Trygghetsrådet och Klara-gruppen",
    groups_hint: "The groups that meet, e.g. Trygghetsrådet and Klara-gruppen.",
    remove: "Remove",
    create_workspace: "Create workspace",
    have_backup: "Do you have a backup?",
};

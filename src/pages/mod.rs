//! One module per page.

pub mod actions;
pub mod dialogues;
pub mod home;
pub mod meetings;
pub mod people;
pub mod settings;
pub mod trash;
pub mod welcome;
pub mod wheel;
pub mod workspace;

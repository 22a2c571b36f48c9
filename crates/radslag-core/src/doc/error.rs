//! What can go wrong with a workspace document.

use automerge::AutomergeError;

#[derive(Debug, thiserror::Error)]
pub enum DocError {
    #[error("the document could not be read: {0}")]
    Automerge(#[from] AutomergeError),
    #[error("this is not a Rådslag workspace")]
    NotAWorkspace,
    #[error("the workspace was written by a newer Rådslag (schema version {0}); update the app")]
    NewerSchema(u64),
    #[error("no {collection} entry with id {id}")]
    NotFound {
        collection: &'static str,
        id: String,
    },
    #[error("the minutes are approved and read-only; reopen them first")]
    Approved,
    #[error("the workspace lacks its {0:?} container")]
    MissingContainer(String),
    #[error("the workspace holds something this app cannot read: {0}")]
    Unreadable(String),
}

pub type Result<T> = std::result::Result<T, DocError>;

//! automerge-repo document ids: 16 random bytes, written bs58check-encoded,
//! and as a URL `automerge:<id>`.

use std::fmt;

/// A document's id as automerge-repo writes it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocumentId([u8; 16]);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadDocumentId {
    #[error("not an automerge URL (it must start with \"automerge:\"): {0}")]
    NotAUrl(String),
    #[error("not a document id (bs58check of 16 bytes): {0}")]
    BadId(String),
}

impl DocumentId {
    /// A new random id (from the Web Crypto API in the browser).
    pub fn random() -> Self {
        // automerge-repo uses uuid v4 bytes too.
        DocumentId(uuid::Uuid::new_v4().into_bytes())
    }

    pub fn from_bytes(bytes: [u8; 16]) -> Self {
        DocumentId(bytes)
    }

    pub fn as_bytes(&self) -> &[u8; 16] {
        &self.0
    }

    /// Parses the bare id (`4NMNnkMhL8jXrdJ9jamS58PAVdXu`), or a legacy uuid.
    pub fn parse(s: &str) -> Result<Self, BadDocumentId> {
        let bad = || BadDocumentId::BadId(s.to_owned());
        match bs58::decode(s).with_check(None).into_vec() {
            Ok(bytes) => Ok(DocumentId(bytes.try_into().map_err(|_| bad())?)),
            Err(_) => uuid::Uuid::parse_str(s)
                .map(|u| DocumentId(u.into_bytes()))
                .map_err(|_| bad()),
        }
    }

    /// Parses `automerge:<id>`, ignoring a `#heads` or `/path` suffix.
    pub fn parse_url(url: &str) -> Result<Self, BadDocumentId> {
        let rest = url
            .strip_prefix("automerge:")
            .ok_or_else(|| BadDocumentId::NotAUrl(url.to_owned()))?;
        let id = rest.split(['#', '/']).next().unwrap_or_default();
        Self::parse(id)
    }

    /// `automerge:<id>`.
    pub fn to_url(&self) -> String {
        format!("automerge:{self}")
    }
}

impl fmt::Display for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&bs58::encode(&self.0).with_check().into_string())
    }
}

impl fmt::Debug for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DocumentId({self})")
    }
}

impl std::str::FromStr for DocumentId {
    type Err = BadDocumentId;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.starts_with("automerge:") {
            Self::parse_url(s)
        } else {
            Self::parse(s)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_url() {
        let id = DocumentId::random();
        let url = id.to_url();
        assert!(url.starts_with("automerge:"));
        assert_eq!(DocumentId::parse_url(&url).unwrap(), id);
        assert_eq!(url.parse::<DocumentId>().unwrap(), id);
        assert_eq!(
            DocumentId::parse_url(&format!("{url}#abc")).unwrap(),
            id,
            "heads are ignored"
        );
    }

    #[test]
    fn reads_a_url_made_by_automerge_repo() {
        // Made by @automerge/automerge-repo's generateAutomergeUrl().
        let id = DocumentId::parse_url("automerge:4NMNnkMhL8jXrdJ9jamS58PAVdXu").unwrap();
        assert_eq!(id.to_url(), "automerge:4NMNnkMhL8jXrdJ9jamS58PAVdXu");
    }

    #[test]
    fn rejects_bad_ids() {
        assert!(matches!(
            DocumentId::parse_url("4NMNnkMhL8jXrdJ9jamS58PAVdXu"),
            Err(BadDocumentId::NotAUrl(_))
        ));
        // One character changed: the checksum fails.
        assert!(DocumentId::parse_url("automerge:4NMNnkMhL8jXrdJ9jamS58PAVdXv").is_err());
        assert!(DocumentId::parse("").is_err());
    }
}

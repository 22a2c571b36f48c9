//! Entries already read from the document, kept until changes touch them,
//! so that listing 600 actions after a keystroke in the minutes costs a
//! copy, not 600 reads from Automerge.

use std::any::Any;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{Entity, Touched, WorkspaceDoc};

/// Read entries per collection; [`ReadCache::forget`] drops what changes
/// touched. Readers must call it with every change's [`Touched`], or read a
/// stale entry.
#[derive(Default)]
pub struct ReadCache {
    collections: HashMap<&'static str, Box<dyn Collection>>,
}

/// One collection's entries, as read.
struct Cached<E> {
    entries: BTreeMap<String, E>,
    /// Whether `entries` holds every entry but those in `to_read`.
    complete: bool,
    /// Entries touched since they were read: changed, added or removed.
    to_read: BTreeSet<String>,
}

/// What [`ReadCache::forget`] needs of a collection, whatever its type.
trait Collection {
    fn forget(&mut self, entry: Option<&str>);
    fn as_any(&mut self) -> &mut dyn Any;
}

impl<E: 'static> Collection for Cached<E> {
    fn forget(&mut self, entry: Option<&str>) {
        match entry {
            Some(id) => {
                self.entries.remove(id);
                if self.complete {
                    self.to_read.insert(id.to_owned());
                }
            }
            None => {
                self.entries.clear();
                self.complete = false;
                self.to_read.clear();
            }
        }
    }

    fn as_any(&mut self) -> &mut dyn Any {
        self
    }
}

impl ReadCache {
    /// Drops what changes touched.
    pub fn forget(&mut self, touched: &Touched) {
        match touched {
            Touched::Everything => self.collections.clear(),
            Touched::Entries(entries) => {
                for (root, entry) in entries {
                    if let Some(collection) = self.collections.get_mut(root.as_str()) {
                        collection.forget(entry.as_deref());
                    }
                }
            }
        }
    }

    fn cached<E: Entity + Clone + 'static>(&mut self) -> &mut Cached<E> {
        self.collections
            .entry(E::COLLECTION)
            .or_insert_with(|| {
                Box::new(Cached::<E> {
                    entries: BTreeMap::new(),
                    complete: false,
                    to_read: BTreeSet::new(),
                })
            })
            .as_any()
            .downcast_mut::<Cached<E>>()
            .expect("one entity type per collection")
    }

    /// Like [`WorkspaceDoc::list`], reading only what changed since.
    pub fn list<E: Entity + Clone + 'static>(&mut self, doc: &WorkspaceDoc) -> Vec<E> {
        let cached = self.cached::<E>();
        if cached.complete {
            for id in std::mem::take(&mut cached.to_read) {
                if let Some(entry) = doc.get::<E>(&E::Id::from(id.clone())) {
                    cached.entries.insert(id, entry);
                }
            }
        } else {
            cached.entries = doc
                .list::<E>()
                .into_iter()
                .map(|entry| (entry.id().to_owned(), entry))
                .collect();
            cached.complete = true;
            cached.to_read.clear();
        }
        cached.entries.values().cloned().collect()
    }

    /// Like [`WorkspaceDoc::get`], reading it only when it changed since.
    pub fn get<E: Entity + Clone + 'static>(
        &mut self,
        doc: &WorkspaceDoc,
        id: &E::Id,
    ) -> Option<E> {
        let cached = self.cached::<E>();
        if let Some(entry) = cached.entries.get(id.as_ref()) {
            return Some(entry.clone());
        }
        let entry = doc.get::<E>(id)?;
        cached.to_read.remove(id.as_ref());
        cached.entries.insert(id.as_ref().to_owned(), entry.clone());
        Some(entry)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Deletable;
    use crate::ids::PersonId;
    use crate::model::*;
    use proptest::prelude::*;

    fn person(id: &str, name: &str) -> Person {
        Person {
            id: id.into(),
            name: name.into(),
            role: String::new(),
            organisation: String::new(),
            groups: Vec::new(),
        }
    }

    /// Half the ids belong to replica 0, half to replica 1.
    fn entry_id(replica: usize, id: u8) -> String {
        let owner = if id < 4 { replica } else { 1 - replica };
        format!("{owner}-{}", id % 4)
    }

    #[derive(Debug, Clone)]
    enum Step {
        /// Replicas create entries under ids of their own (ids are random
        /// in the app), and change any entry they have.
        Put {
            replica: usize,
            id: u8,
            name: String,
        },
        Delete {
            replica: usize,
            id: u8,
        },
        Merge {
            from: usize,
        },
        Read {
            id: u8,
        },
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            (0..2usize, 0..8u8, "[a-zåäö]{0,6}").prop_map(|(replica, id, name)| Step::Put {
                replica,
                id,
                name
            }),
            (0..2usize, 0..8u8).prop_map(|(replica, id)| Step::Delete { replica, id }),
            (1..2usize).prop_map(|from| Step::Merge { from }),
            (0..8u8).prop_map(|id| Step::Read { id }),
        ]
    }

    proptest! {
        /// Local writes, another replica's changes merged in, reads of one
        /// entry or all: what the cache gives is what the document holds.
        #[test]
        fn reads_through_the_cache_equal_reads_of_the_document(steps in proptest::collection::vec(step(), 1..40)) {
            let mut doc = WorkspaceDoc::create(&WorkspaceInfo::default()).unwrap();
            doc.commit(0);
            let mut replicas = [doc.fork(), doc];
            let mut cache = ReadCache::default();
            let mut seen = replicas[1].heads();
            for (at, step) in steps.into_iter().enumerate() {
                match step {
                    Step::Put { replica, id, name } => {
                        let id = entry_id(replica, id);
                        let known = replicas[replica].get::<Person>(&id.clone().into()).is_some();
                        if known || id.starts_with(&replica.to_string()) {
                            replicas[replica].put(&person(&id, &name)).unwrap();
                        }
                        replicas[replica].commit(at as i64);
                    }
                    Step::Delete { replica, id } => {
                        let what = Deletable::entry::<Person>(&entry_id(replica, id).into());
                        replicas[replica].delete(&what, at as i64).unwrap();
                        replicas[replica].commit(at as i64);
                    }
                    Step::Merge { from } => {
                        let (read, other) = replicas.split_at_mut(from);
                        read[0].merge(&mut other[0]).unwrap();
                    }
                    Step::Read { id } => {
                        let id = PersonId::from(entry_id(id as usize % 2, id));
                        prop_assert_eq!(cache.get::<Person>(&replicas[1], &id), replicas[1].get::<Person>(&id));
                    }
                }
                let viewed = &mut replicas[1];
                cache.forget(&viewed.touched_since(&seen));
                seen = viewed.heads();
                prop_assert_eq!(cache.list::<Person>(viewed), viewed.list::<Person>());
            }
        }
    }
}

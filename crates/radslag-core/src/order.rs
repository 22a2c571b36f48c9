//! Sorting with one copy of the standard library's sort in the wasm.
//!
//! Each call of `slice::sort_by_key` (or `sort_by`, `sort`) with a closure
//! of its own compiles a stable sort of its own, 3–6 KB of wasm: the app's
//! wasm carried some 300 of them, 178 KB (docs/performance.md). These sort
//! the positions of the items instead, through a comparison behind a
//! reference, so every call shares one compiled sort; what is left per call
//! is reading the keys and moving the items into place. Stable, like
//! `slice::sort_by`: equal items keep their order.

use std::cmp::Ordering;

/// The positions `0..len` in the order `compare` gives them (stable).
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    positions.sort_by(|&a, &b| compare(a, b));
    positions
}

/// Puts the items in the order of `positions` (a permutation: the item for
/// place `i` is at `positions[i]`), in place: an item moved away by an
/// earlier swap is found by following where its place's item went.
fn arrange<T>(items: &mut [T], positions: &[usize]) {
    for place in 0..items.len() {
        let mut source = positions[place];
        while source < place {
            source = positions[source];
        }
        items.swap(place, source);
    }
}

/// Like `slice::sort_by`.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let positions = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    arrange(items, &positions);
}

/// Like `slice::sort_by_cached_key`: each item's key is read once.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let positions = sorted_positions(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
    arrange(items, &positions);
}

/// Like `slice::sort`.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_library_does_keeping_equal_items_in_order(
            items in prop::collection::vec((0u8..6, any::<u16>()), 0..200)
        ) {
            let mut expected = items.clone();
            expected.sort_by_key(|item| item.0);
            let mut by_key = items.clone();
            sort_by_key(&mut by_key, |item| item.0);
            prop_assert_eq!(&by_key, &expected);

            let mut by = items.clone();
            sort_by(&mut by, |a, b| a.0.cmp(&b.0));
            prop_assert_eq!(&by, &expected);

            let mut whole = items.clone();
            sort(&mut whole);
            let mut std_whole = items;
            std_whole.sort();
            prop_assert_eq!(whole, std_whole);
        }
    }

    #[test]
    fn moves_items_that_cannot_be_copied() {
        let mut names = vec!["Östen".to_owned(), "Anna".to_owned(), "märta".to_owned()];
        sort_by_key(&mut names, |name| name.to_lowercase());
        assert_eq!(names, ["Anna", "märta", "Östen"]);
    }
}

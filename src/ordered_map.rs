//! Storage of document maps: entries in insertion order, with a hash index only for big maps.
//!
//! Document objects are mostly small (an Okta record has a few dozen objects of a handful of keys
//! each). Comparing a few keys, lengths first, is cheaper than hashing one, and a map without a
//! hash table is one allocation instead of two and needs no index upkeep when a key is removed,
//! which `rename` does all the time. Maps above [`SCAN_MAX`] keys keep a `HashTable` of entry
//! indexes, as `IndexMap` does.

use hashbrown::HashTable;
use std::hash::BuildHasher;

/// Maps up to this size are searched by comparing keys instead of hashing.
pub const SCAN_MAX: usize = 16;

/// Fixed-seed hasher of the index: keys come from documents, not from an adversary the hash must
/// resist, and a fixed seed keeps `new()` free.
type Hasher = foldhash::fast::FixedState;

#[derive(Clone, Default)]
pub struct OrderedMap<V> {
    items: Vec<(String, V)>,
    /// Entry indexes by key hash; present exactly when `items.len() > SCAN_MAX`. Boxed: most
    /// maps have none, and an inline table would make every document value 64 bytes instead
    /// of 40, which every entry move and removal pays for.
    index: Option<Box<HashTable<usize>>>,
}

fn hash_key(key: &str) -> u64 {
    Hasher::default().hash_one(key)
}

impl<V> OrderedMap<V> {
    pub fn new() -> Self {
        OrderedMap {
            items: Vec::new(),
            index: None,
        }
    }

    pub fn with_capacity(n: usize) -> Self {
        OrderedMap {
            items: Vec::with_capacity(n),
            index: None,
        }
    }

    pub fn reserve(&mut self, n: usize) {
        self.items.reserve(n);
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Index of `key`.
    #[inline]
    pub fn get_index_of(&self, key: &str) -> Option<usize> {
        match &self.index {
            None => {
                let key = key.as_bytes();
                self.items.iter().position(|(k, _)| {
                    // The last byte first: it rules out most same-length keys without a memcmp.
                    k.len() == key.len() && k.as_bytes().last() == key.last() && k.as_bytes() == key
                })
            }
            Some(table) => self.find_hashed(table, key),
        }
    }

    /// The hashed lookup of big maps, kept out of line so that the scan of small maps, which is
    /// inlined into every caller, stays small.
    #[inline(never)]
    fn find_hashed(&self, table: &HashTable<usize>, key: &str) -> Option<usize> {
        let items = &self.items;
        table.find(hash_key(key), |&i| items[i].0 == key).copied()
    }

    #[inline]
    pub fn get(&self, key: &str) -> Option<&V> {
        self.get_index_of(key).map(|i| &self.items[i].1)
    }

    #[inline]
    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        let i = self.get_index_of(key)?;
        Some(&mut self.items[i].1)
    }

    pub fn get_full(&self, key: &str) -> Option<(usize, &String, &V)> {
        let i = self.get_index_of(key)?;
        let (k, v) = &self.items[i];
        Some((i, k, v))
    }

    #[inline]
    pub fn get_index(&self, i: usize) -> Option<(&String, &V)> {
        self.items.get(i).map(|(k, v)| (k, v))
    }

    #[inline]
    pub fn get_index_mut(&mut self, i: usize) -> Option<(&String, &mut V)> {
        self.items.get_mut(i).map(|(k, v)| (&*k, v))
    }

    /// Replaces the value of an existing key (keeping its place) or appends a new entry.
    pub fn insert(&mut self, key: String, value: V) -> Option<V> {
        match self.get_index_of(&key) {
            Some(i) => Some(std::mem::replace(&mut self.items[i].1, value)),
            None => {
                self.push_new(key, value);
                None
            }
        }
    }

    /// Appends an entry whose key the caller knows to be absent.
    pub fn push_new(&mut self, key: String, value: V) -> usize {
        let i = self.items.len();
        match &mut self.index {
            Some(table) => {
                let items = &self.items;
                table.insert_unique(hash_key(&key), i, |&j| hash_key(&items[j].0));
            }
            None if i == SCAN_MAX => {
                self.items.push((key, value));
                self.rebuild_index();
                return i;
            }
            None => {}
        }
        self.items.push((key, value));
        i
    }

    /// Inserts at `pos`, shifting later entries (sorted storage of tree maps).
    pub fn shift_insert(&mut self, pos: usize, key: String, value: V) {
        self.items.insert(pos, (key, value));
        self.rebuild_index();
    }

    /// Removes the entry at `i`, keeping the order of the others.
    pub fn shift_remove_index(&mut self, i: usize) -> Option<(String, V)> {
        if i >= self.items.len() {
            return None;
        }
        let entry = self.items.remove(i);
        if self.items.len() <= SCAN_MAX {
            self.index = None;
        } else if let Some(table) = &mut self.index {
            let hash = hash_key(&entry.0);
            if let Ok(slot) = table.find_entry(hash, |&j| j == i) {
                slot.remove();
            }
            for j in table.iter_mut() {
                if *j > i {
                    *j -= 1;
                }
            }
        }
        Some(entry)
    }

    pub fn shift_remove(&mut self, key: &str) -> Option<V> {
        let i = self.get_index_of(key)?;
        self.shift_remove_index(i).map(|(_, v)| v)
    }

    /// Removes `key`, moving the last entry into its place (order not kept).
    pub fn swap_remove(&mut self, key: &str) -> Option<V> {
        let i = self.get_index_of(key)?;
        let last = self.items.len() - 1;
        let (removed, v) = self.items.swap_remove(i);
        if self.items.len() <= SCAN_MAX {
            self.index = None;
        } else if let Some(table) = &mut self.index {
            if let Ok(slot) = table.find_entry(hash_key(&removed), |&j| j == i) {
                slot.remove();
            }
            if i != last {
                if let Some(moved) = table.find_mut(hash_key(&self.items[i].0), |&j| j == last) {
                    *moved = i;
                }
            }
        }
        Some(v)
    }

    /// Sorts the entries with `cmp(key_a, value_a, key_b, value_b)`.
    pub fn sort_by(&mut self, mut cmp: impl FnMut(&String, &V, &String, &V) -> std::cmp::Ordering) {
        self.items.sort_by(|(ka, va), (kb, vb)| cmp(ka, va, kb, vb));
        self.rebuild_index();
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&String, &mut V) -> bool) {
        let before = self.items.len();
        self.items.retain_mut(|(k, v)| keep(k, v));
        if self.items.len() != before {
            self.rebuild_index();
        }
    }

    fn rebuild_index(&mut self) {
        if self.items.len() <= SCAN_MAX {
            self.index = None;
            return;
        }
        let mut table = HashTable::with_capacity(self.items.len());
        for (i, (k, _)) in self.items.iter().enumerate() {
            table.insert_unique(hash_key(k), i, |_| unreachable!("capacity reserved"));
        }
        self.index = Some(Box::new(table));
    }

    pub fn iter(&self) -> Iter<'_, V> {
        Iter(self.items.iter())
    }

    pub fn iter_mut(&mut self) -> IterMut<'_, V> {
        IterMut(self.items.iter_mut())
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &String> + ExactSizeIterator + Clone {
        self.items.iter().map(|(k, _)| k)
    }
}

impl<V> std::ops::Index<usize> for OrderedMap<V> {
    type Output = V;
    fn index(&self, i: usize) -> &V {
        &self.items[i].1
    }
}

impl<V> std::ops::IndexMut<usize> for OrderedMap<V> {
    fn index_mut(&mut self, i: usize) -> &mut V {
        &mut self.items[i].1
    }
}

impl<V: std::fmt::Debug> std::fmt::Debug for OrderedMap<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// Equal when both hold the same keys with equal values, in any order (as `IndexMap` and Java's
/// `AbstractMap.equals`).
impl<V: PartialEq> PartialEq for OrderedMap<V> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().all(|(k, v)| other.get(k) == Some(v))
    }
}

impl<V> FromIterator<(String, V)> for OrderedMap<V> {
    fn from_iter<T: IntoIterator<Item = (String, V)>>(iter: T) -> Self {
        let mut map = OrderedMap::new();
        for (k, v) in iter {
            map.insert(k, v);
        }
        map
    }
}

impl<V> IntoIterator for OrderedMap<V> {
    type Item = (String, V);
    type IntoIter = std::vec::IntoIter<(String, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a, V> IntoIterator for &'a OrderedMap<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = Iter<'a, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a, V> IntoIterator for &'a mut OrderedMap<V> {
    type Item = (&'a String, &'a mut V);
    type IntoIter = IterMut<'a, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

#[derive(Clone)]
pub struct Iter<'a, V>(std::slice::Iter<'a, (String, V)>);

impl<'a, V> Iterator for Iter<'a, V> {
    type Item = (&'a String, &'a V);
    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (k, v))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl<V> DoubleEndedIterator for Iter<'_, V> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(k, v)| (k, v))
    }
}

impl<V> ExactSizeIterator for Iter<'_, V> {}

pub struct IterMut<'a, V>(std::slice::IterMut<'a, (String, V)>);

impl<'a, V> Iterator for IterMut<'a, V> {
    type Item = (&'a String, &'a mut V);
    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (&*k, v))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl<V> DoubleEndedIterator for IterMut<'_, V> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(k, v)| (&*k, v))
    }
}

impl<V> ExactSizeIterator for IterMut<'_, V> {}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every operation on maps that cross the index threshold both ways, against a plain list.
    #[test]
    fn document_values_stay_small() {
        // the boxed index keeps a value (and so every map entry) small; see `index`
        assert!(std::mem::size_of::<crate::value::Value>() <= 40);
    }

    #[test]
    fn behaves_like_an_ordered_list_of_pairs() {
        let mut map: OrderedMap<u32> = OrderedMap::new();
        let mut model: Vec<(String, u32)> = Vec::new();
        let check = |map: &OrderedMap<u32>, model: &Vec<(String, u32)>| {
            assert_eq!(map.len(), model.len());
            let got: Vec<(String, u32)> = map.iter().map(|(k, v)| (k.clone(), *v)).collect();
            assert_eq!(&got, model);
            for (i, (k, v)) in model.iter().enumerate() {
                assert_eq!(map.get_index_of(k), Some(i), "{k}");
                assert_eq!(map.get(k), Some(v));
            }
            assert_eq!(map.get("absent"), None);
            assert_eq!(map.index.is_some(), map.len() > SCAN_MAX);
        };
        for round in 0..3u32 {
            for i in 0..40u32 {
                let key = format!("k{}", (i * 7 + round) % 45);
                let old = map.insert(key.clone(), i);
                match model.iter_mut().find(|(k, _)| *k == key) {
                    Some(slot) => assert_eq!(old, Some(std::mem::replace(&mut slot.1, i))),
                    None => {
                        assert_eq!(old, None);
                        model.push((key, i));
                    }
                }
                check(&map, &model);
            }
            while model.len() > 5 {
                let i = (model.len() * 5 + 3) % model.len();
                let (k, v) = model.remove(i);
                assert_eq!(map.shift_remove_index(i), Some((k, v)));
                check(&map, &model);
            }
            map.shift_insert(1, "inserted".into(), 99);
            model.insert(1, ("inserted".into(), 99));
            check(&map, &model);
            map.retain(|k, _| k != "inserted");
            model.retain(|(k, _)| k != "inserted");
            check(&map, &model);
            if let Some((k, _)) = model.get(2).cloned() {
                let last = model.len() - 1;
                let v = map.swap_remove(&k);
                assert_eq!(v, Some(model.swap_remove(2).1));
                assert!(last >= 2);
                check(&map, &model);
            }
        }
        let mut big: OrderedMap<u32> = (0..30).map(|i| (format!("x{i}"), i)).collect();
        big.retain(|_, v| *v % 3 == 0);
        assert_eq!(big.len(), 10);
        assert!(big.index.is_none());
        assert_eq!(big.get("x27"), Some(&27));
    }

    #[test]
    fn equality_ignores_order() {
        let a: OrderedMap<u32> = [("a".to_string(), 1), ("b".to_string(), 2)]
            .into_iter()
            .collect();
        let b: OrderedMap<u32> = [("b".to_string(), 2), ("a".to_string(), 1)]
            .into_iter()
            .collect();
        assert_eq!(a, b);
    }
}

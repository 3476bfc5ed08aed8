//! A small thread-safe bounded cache (least recently inserted entries go first), used for parsed user
//! agents and geoip lookups the way Elasticsearch's `UserAgentCache` and `GeoIpCache` are.
//!
//! The cache is split into shards, one per thread up to [`SHARDS`], each holding up to the
//! capacity (so one worker alone caches as much as Elasticsearch's single cache does, and the
//! total is bounded by capacity × threads). A lookup stays in its own thread's shard, so
//! workers on different cores neither wait for one lock nor pass its cache line back and forth,
//! and the values they get back are their own (a hit clones an `Arc`, whose count would otherwise
//! bounce between cores too). A value is a pure function of its key, so which shard answers never
//! changes a result.

use std::borrow::Borrow;
use std::collections::{HashMap, VecDeque};
use std::hash::Hash;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Shards per cache: more than the worker threads of the machines this runs on, so that each
/// worker has one of its own.
const SHARDS: usize = 16;

static NEXT_THREAD: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// This thread's shard, handed out in thread start order.
    static SHARD: usize = NEXT_THREAD.fetch_add(1, Ordering::Relaxed) % SHARDS;
}

#[derive(Debug)]
pub struct BoundedCache<K, V> {
    capacity: usize,
    shards: Box<[Mutex<Inner<K, V>>]>,
}

#[derive(Debug)]
struct Inner<K, V> {
    map: HashMap<K, V>,
    order: VecDeque<K>,
}

impl<K: Hash + Eq + Clone, V: Clone> BoundedCache<K, V> {
    pub fn new(capacity: usize) -> Self {
        let shards = (0..SHARDS)
            .map(|_| {
                Mutex::new(Inner {
                    map: HashMap::new(),
                    order: VecDeque::new(),
                })
            })
            .collect();
        BoundedCache { capacity, shards }
    }

    pub fn capacity(&self) -> usize {
        self.capacity
    }

    pub fn len(&self) -> usize {
        self.shards.iter().map(|s| lock(s).map.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, key: &K) -> Option<V> {
        self.lock().map.get(key).cloned()
    }

    pub fn put(&self, key: K, value: V) {
        if self.capacity == 0 {
            return;
        }
        let mut inner = self.lock();
        if inner.map.insert(key.clone(), value).is_none() {
            inner.order.push_back(key);
            while inner.map.len() > self.capacity {
                match inner.order.pop_front() {
                    Some(old) => {
                        inner.map.remove(&old);
                    }
                    None => break,
                }
            }
        }
    }

    /// Returns the cached value or computes, stores and returns it. The computation runs without the
    /// lock held, so two threads may compute the same key; both get equal values.
    /// The key is borrowed (`&str` for a `String` key) so a hit allocates nothing.
    pub fn get_or_insert_with<Q>(&self, key: &Q, f: impl FnOnce() -> V) -> V
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ToOwned<Owned = K> + ?Sized,
    {
        if let Some(v) = self.lock().map.get(key).cloned() {
            return v;
        }
        let v = f();
        self.put(key.to_owned(), v.clone());
        v
    }

    /// This thread's shard, locked.
    fn lock(&self) -> std::sync::MutexGuard<'_, Inner<K, V>> {
        lock(&self.shards[SHARD.with(|s| *s)])
    }
}

fn lock<K, V>(shard: &Mutex<Inner<K, V>>) -> std::sync::MutexGuard<'_, Inner<K, V>> {
    // A panic while holding the lock cannot leave the map inconsistent in a harmful way.
    shard.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evicts_oldest() {
        let c = BoundedCache::new(2);
        c.put("a".to_string(), 1);
        c.put("b".to_string(), 2);
        c.put("c".to_string(), 3);
        assert_eq!(c.len(), 2);
        assert_eq!(c.get(&"a".to_string()), None);
        assert_eq!(c.get(&"c".to_string()), Some(3));
        assert_eq!(c.get_or_insert_with(&"d".to_string(), || 4), 4);
        assert_eq!(c.get(&"b".to_string()), None);
    }

    #[test]
    fn threads() {
        let c = std::sync::Arc::new(BoundedCache::new(100));
        std::thread::scope(|s| {
            for t in 0..4 {
                let c = c.clone();
                s.spawn(move || {
                    for i in 0..1000 {
                        let k = format!("{}", (i * 7 + t) % 300);
                        let v = c.get_or_insert_with(&k, || k.len());
                        assert_eq!(v, k.len());
                    }
                });
            }
        });
        // each thread's shard holds at most the capacity
        assert!(c.len() <= 4 * 100);
    }
}

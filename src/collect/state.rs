//! The cursor file: where the next poll starts and how much of the output is committed.
//!
//! It is replaced atomically (write a temporary file in the same directory, fsync, rename), and
//! only after the page it describes has been written and flushed to the output. A restart thus
//! re-reads at most the page that was in flight; see `Output::open` for how that page's partial
//! output is discarded, and `Cursor::is_duplicate` for how re-read events are skipped.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Cursor {
    /// `published` of the last event written (the agent's `cursor.published`).
    pub published: String,
    /// `uuid`s of the written events whose `published` equals `published`: Okta's `since` is
    /// inclusive, so the next poll returns them again.
    #[serde(default)]
    pub uuids: BTreeSet<String>,
}

impl Cursor {
    pub fn is_duplicate(&self, published: &str, uuid: &str) -> bool {
        published == self.published && self.uuids.contains(uuid)
    }

    /// Moves the cursor past one written event, as the agent's `[[.last_event.published]]` does.
    pub fn advance(&mut self, published: &str, uuid: &str) {
        if published != self.published {
            self.published = published.to_string();
            self.uuids.clear();
        }
        if !uuid.is_empty() {
            self.uuids.insert(uuid.to_string());
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct OutputMark {
    /// The output file (as given on the command line).
    pub path: String,
    /// Its length once the last committed page was written.
    pub offset: u64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct State {
    /// The System Log URL the cursor belongs to.
    pub url: String,
    pub cursor: Option<Cursor>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<OutputMark>,
}

impl State {
    /// Reads the state file; a missing file is an empty state.
    pub fn load(path: &Path) -> Result<State, String> {
        match std::fs::read_to_string(path) {
            Ok(text) => serde_json::from_str(&text)
                .map_err(|e| format!("state file {} is not valid: {e}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(State::default()),
            Err(e) => Err(format!("cannot read state file {}: {e}", path.display())),
        }
    }

    /// Replaces the state file atomically.
    pub fn save(&self, path: &Path) -> Result<(), String> {
        let fail = |e: std::io::Error| format!("cannot write state file {}: {e}", path.display());
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "state".into());
        let tmp = dir.join(format!(".{name}.tmp{}", std::process::id()));
        let text = serde_json::to_string_pretty(self).map_err(|e| e.to_string())?;
        let mut f = std::fs::File::create(&tmp).map_err(fail)?;
        f.write_all(text.as_bytes()).map_err(fail)?;
        f.write_all(b"\n").map_err(fail)?;
        f.sync_all().map_err(fail)?;
        drop(f);
        std::fs::rename(&tmp, path).map_err(fail)?;
        // Make the rename itself durable; not every platform can open a directory.
        if let Ok(d) = std::fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_tracks_uuids_at_the_last_timestamp() {
        let mut c = Cursor::default();
        c.advance("t1", "a");
        c.advance("t2", "b");
        c.advance("t2", "c");
        assert_eq!(c.published, "t2");
        assert!(c.is_duplicate("t2", "b") && c.is_duplicate("t2", "c"));
        assert!(!c.is_duplicate("t1", "a") && !c.is_duplicate("t2", "d"));
    }

    #[test]
    fn save_and_load() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.json");
        assert_eq!(State::load(&p).unwrap(), State::default());
        let mut s = State {
            url: "u".into(),
            ..State::default()
        };
        s.cursor = Some(Cursor::default());
        s.save(&p).unwrap();
        assert_eq!(State::load(&p).unwrap(), s);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        std::fs::write(&p, "{").unwrap();
        assert!(State::load(&p).is_err());
    }
}

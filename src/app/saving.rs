//! Saving from the window: only with the project's lock, only over the file this
//! session read (else the changed-on-disk prompt: Save as, Overwrite keeping theirs as
//! a dated copy, or Reload), never over a read-only file (Save as instead), and back
//! to where a deleted file was when the user says so.

use super::App;
use super::modal::Modal;
use crate::session::ReadOnly;
use crate::store::{self, StoreError, disk};
use std::path::Path;

/// How a save treats the file it replaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum How {
    /// Only over the file this session read or wrote (asks otherwise).
    Checked,
    /// Over whatever is there, keeping it first as `NAME.theirs-….ron`.
    KeepTheirs,
    /// Whatever is there (the user chose "Save here again" for a deleted file).
    Anyway,
}

impl App {
    /// Saves the project to `path` (its own file, or a new one for Save as).
    pub(super) fn save_to(&mut self, path: &Path, how: How) {
        let own_file = self.session.path() == Some(path);
        // The lock: kept from opening, or taken now (another window may have closed).
        let lock = match self.lock_for(path) {
            Ok(lock) => lock,
            Err(why) => {
                self.after_save = None;
                if own_file {
                    self.session.set_read_only(Some(why.clone()));
                }
                self.modal = Some(Modal::ReadOnly {
                    path: path.to_path_buf(),
                    why: why.reason(),
                });
                return;
            }
        };
        let result = match (own_file, how) {
            (true, How::Checked) => match self.session.stamp() {
                Some(stamp) => store::save_expecting(self.session.project(), path, &stamp),
                // Read from elsewhere (recovered work of unknown origin): ask unless
                // there is no file.
                None if path.exists() => Err(StoreError::Changed {
                    path: path.display().to_string(),
                }),
                None => Err(StoreError::Gone {
                    path: path.display().to_string(),
                }),
            },
            (_, How::KeepTheirs) => self.keep_theirs(path).and_then(|()| self.save_plain(path)),
            _ => self.save_plain(path),
        };
        match result {
            Ok(stamp) => {
                self.session.saved_to(path, stamp, Some(lock));
                self.saved_recovery();
                self.prefs.remember(path);
                if let Some(then) = self.after_save.take() {
                    // Run next frame: the command may itself ask for a path.
                    self.queued.push(then);
                }
            }
            Err(err) => {
                // Keep the lock of the file this session has open.
                if own_file {
                    self.session.set_lock(Some(lock));
                }
                self.after_save = None;
                let path = path.to_path_buf();
                match err {
                    StoreError::Changed { .. } => self.modal = Some(Modal::ChangedOnDisk { path }),
                    StoreError::Gone { .. } => self.modal = Some(Modal::Gone { path }),
                    StoreError::ReadOnly { .. } => {
                        if own_file {
                            self.session.set_read_only(Some(ReadOnly::File));
                        }
                        self.modal = Some(Modal::ReadOnly {
                            path,
                            why: ReadOnly::File.reason(),
                        });
                    }
                    err => self.error(err.to_string()),
                }
            }
        }
    }

    fn save_plain(&self, path: &Path) -> Result<store::FileStamp, StoreError> {
        store::save(self.session.project(), path)?;
        store::FileStamp::of(path).ok_or_else(|| StoreError::Gone {
            path: path.display().to_string(),
        })
    }

    /// Keeps the other program's version of `path` as a dated copy before it is
    /// overwritten, and says where.
    fn keep_theirs(&mut self, path: &Path) -> Result<(), StoreError> {
        let target = disk::project_target(path);
        if !target.exists() {
            return Ok(());
        }
        match disk::keep_copy(&target) {
            Ok(copy) => {
                self.info(format!(
                    "The other version of the project was kept as {}",
                    copy.display()
                ));
                Ok(())
            }
            Err(source) => Err(StoreError::Write {
                source,
                path: target.display().to_string(),
            }),
        }
    }
}

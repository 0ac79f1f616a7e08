//! Coders' files added to the window as read-only layers (File → Add coders' files…,
//! dropping projects with Alt held, `spanmark adjudicate`): each file is read and
//! named by its file name without `.ron`, as `spanmark agree` names coders, and goes
//! to the session as a layer. A layer is never written; the curated project's own file
//! cannot be one.

use super::App;
use crate::session::AdjudicateCommand;
use crate::session::layers::Layer;
use crate::store;
use std::path::PathBuf;
use std::sync::Arc;

impl App {
    /// Reads coders' files and adds them as layers (the next command of the frame);
    /// the Adjudicate tab shows.
    pub(super) fn add_layer_paths(&mut self, paths: &[PathBuf]) {
        let own = self
            .session
            .path()
            .and_then(|p| std::fs::canonicalize(p).ok());
        let mut layers = Vec::new();
        for path in paths {
            if own.is_some() && std::fs::canonicalize(path).ok() == own {
                self.error(format!(
                    "The open project cannot be one of its own coders' layers: {}",
                    path.display()
                ));
                continue;
            }
            let name = path.file_stem().map_or_else(
                || path.display().to_string(),
                |s| s.to_string_lossy().into_owned(),
            );
            match store::load(path) {
                Ok(project) => layers.push(Layer {
                    name,
                    path: Some(path.clone()),
                    project: Arc::new(project),
                }),
                Err(err) => self.error(format!("Coder's file not added: {err}")),
            }
        }
        if layers.is_empty() {
            return;
        }
        self.queued
            .push(AdjudicateCommand::AddLayers(layers).into());
        self.spans.show_adjudicate();
        self.panels.unhide_spans();
    }
}

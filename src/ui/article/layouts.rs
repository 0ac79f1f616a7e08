//! The article's laid-out paragraphs, by paragraph index: the ones in view and a few
//! screens around it. The [`Shaper`] thread lays out the paragraphs near the view
//! before they scroll in; whatever must be drawn now and is not there yet (the first
//! frame, a jump far away) is laid out on the UI thread. Either way the galley is the
//! same, so hit-testing and highlights do not care where it came from.
//!
//! Everything is dropped when the document, the text width, the scale or the text
//! colour changes, or when the glyph atlas a galley points into starts over.

use super::shaper::{Job, Shaper};
use crate::ui::text_mesh::AtlasWatch;
use crate::ui::theme::{FONT_SIZE, LINE_HEIGHT};
use egui::epaint::text::FontProvider;
use egui::text::LayoutJob;
use egui::{Color32, FontId, Galley, Mesh, Pos2, TextFormat, Ui};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// At most this many paragraphs are queued for the shaper thread at once, so a fast
/// scroll does not leave it working on text long gone.
const MAX_QUEUED: usize = 24;
/// Paragraphs asked for at once when none of them is needed soon: waking the thread
/// costs a system call, once per batch rather than per paragraph.
const BATCH: usize = 8;

struct Laid {
    galley: Arc<Galley>,
    /// Laid out by the shaper thread (its glyphs are in its own texture).
    off_thread: bool,
}

/// What the paragraphs are laid out for: width, scale and text colour.
type Style = (u32, u32, Color32);

pub(super) struct Layouts {
    cache: HashMap<usize, Laid>,
    queued: HashSet<usize>,
    /// Counts the changes of document or [`Style`]; answers for an older one are dropped.
    key: u64,
    style: Style,
    /// The text width of this frame, in points (set by [`Self::begin_frame`]).
    width: f32,
    /// When egui's own glyph atlas empties, the galleys laid out here are stale.
    atlas: AtlasWatch,
    providers: Vec<Arc<dyn FontProvider>>,
    /// Started on the first frame; `None` inside when no thread could be started.
    shaper: Option<Option<Shaper>>,
    /// This frame's text laid out by the shaper, in one mesh on its texture.
    mesh: Mesh,
    /// The size of the last frame's mesh, to allocate this frame's at once.
    mesh_len: (usize, usize),
}

impl Layouts {
    /// `providers` are the font providers the window's context was given, for the
    /// shaper thread's fonts to match.
    pub(super) fn new(providers: Vec<Arc<dyn FontProvider>>) -> Self {
        Self {
            cache: HashMap::new(),
            queued: HashSet::new(),
            key: 0,
            style: (0, 0, Color32::TRANSPARENT),
            width: 0.0,
            atlas: AtlasWatch::default(),
            providers,
            shaper: None,
            mesh: Mesh::default(),
            mesh_len: (0, 0),
        }
    }

    /// Forgets every paragraph (another document, or the same one split anew).
    pub(super) fn reset(&mut self) {
        self.cache.clear();
        self.queued.clear();
        self.key += 1;
    }

    /// The start of a frame: drops what no longer fits and takes in what the shaper
    /// thread has laid out since the last frame.
    pub(super) fn begin_frame(&mut self, ui: &Ui, width: f32) {
        let style = (
            width.to_bits(),
            ui.ctx().pixels_per_point().to_bits(),
            ui.visuals().text_color(),
        );
        if style != self.style {
            self.reset();
            self.style = style;
        }
        self.width = width;
        if self.atlas.emptied(ui.ctx()) {
            self.cache.retain(|_, laid| laid.off_thread);
        }
        let providers = &self.providers;
        let shaper = self
            .shaper
            .get_or_insert_with(|| Shaper::start(ui.ctx(), providers.clone()));
        if let Some(shaper) = shaper {
            let mut cleared = false;
            let answers = shaper.receive(ui.ctx(), &mut cleared);
            if cleared {
                self.cache.retain(|_, laid| !laid.off_thread);
            }
            for answer in answers {
                if answer.key != self.key {
                    continue;
                }
                self.queued.remove(&answer.index);
                if answer.fresh {
                    self.cache.entry(answer.index).or_insert(Laid {
                        galley: answer.galley,
                        off_thread: true,
                    });
                }
            }
        }
        // Growing a mesh of thousands of glyphs step by step copies it many times.
        self.mesh = Mesh::default();
        self.mesh
            .vertices
            .reserve(self.mesh_len.0 + self.mesh_len.0 / 4);
        self.mesh
            .indices
            .reserve(self.mesh_len.1 + self.mesh_len.1 / 4);
    }

    /// Paragraph `index` (its text `text`) laid out, from the cache or at once.
    pub(super) fn get(&mut self, ui: &Ui, index: usize, text: &str) -> Arc<Galley> {
        if let Some(laid) = self.cache.get(&index) {
            return laid.galley.clone();
        }
        let galley =
            ui.painter()
                .layout_job(paragraph_job(text, self.width, ui.visuals().text_color()));
        self.cache.insert(
            index,
            Laid {
                galley: galley.clone(),
                off_thread: false,
            },
        );
        galley
    }

    /// Paragraph `index`, if it is laid out (by either thread).
    pub(super) fn laid_out(&self, index: usize) -> Option<&Galley> {
        self.cache.get(&index).map(|laid| &*laid.galley)
    }

    /// Draws paragraph `index` (laid out by [`Self::get`] this frame) at `origin`.
    pub(super) fn paint(&mut self, ui: &Ui, index: usize, origin: Pos2) {
        let Some(laid) = self.cache.get(&index) else {
            return;
        };
        match self.shaper.as_ref().and_then(Option::as_ref) {
            Some(shaper) if laid.off_thread => shaper.add_to_mesh(
                &mut self.mesh,
                &laid.galley,
                origin,
                ui.clip_rect(),
                ui.ctx().pixels_per_point(),
            ),
            _ => {
                ui.painter()
                    .galley(origin, laid.galley.clone(), ui.visuals().text_color());
            }
        }
    }

    /// Adds the text the shaper laid out to what is drawn, below what comes after.
    pub(super) fn end_frame(&mut self, ui: &Ui) {
        self.mesh_len = (self.mesh.vertices.len(), self.mesh.indices.len());
        if !self.mesh.is_empty() {
            ui.painter()
                .add(egui::Shape::mesh(std::mem::take(&mut self.mesh)));
        }
    }

    /// Asks the shaper thread for the paragraphs in `wanted` (index and text, nearest
    /// to the view first) that are neither laid out nor asked for yet: at once when
    /// one of them is in `soon`, else when there are enough for a batch.
    pub(super) fn prefetch<'t>(
        &mut self,
        ui: &Ui,
        wanted: impl IntoIterator<Item = (usize, &'t str)>,
        soon: std::ops::RangeInclusive<usize>,
    ) {
        let Some(Some(shaper)) = &self.shaper else {
            return;
        };
        let room = MAX_QUEUED.saturating_sub(self.queued.len());
        let missing: Vec<(usize, &str)> = wanted
            .into_iter()
            .filter(|(i, _)| !self.cache.contains_key(i) && !self.queued.contains(i))
            .take(room)
            .collect();
        if missing.len() < BATCH && !missing.iter().any(|(i, _)| soon.contains(i)) {
            return;
        }
        let mut options = ui.visuals().text_options;
        // The atlas is as wide as this: one font at one size needs no more, whatever
        // the graphics card allows.
        options.max_texture_side = ui.ctx().input(|i| i.max_texture_side).min(2048);
        let color = ui.visuals().text_color();
        let jobs = missing
            .iter()
            .map(|&(index, text)| Job {
                key: self.key,
                index,
                layout: paragraph_job(text, self.width, color),
                pixels_per_point: ui.ctx().pixels_per_point(),
                options,
            })
            .collect();
        if shaper.request(jobs) {
            self.queued.extend(missing.iter().map(|(i, _)| *i));
        }
    }

    /// Keeps only the paragraphs `keep` holds (a galley holds about 100 bytes per
    /// character).
    pub(super) fn retain(&mut self, keep: std::ops::RangeInclusive<usize>) {
        if self.cache.len() > keep.clone().count() {
            self.cache.retain(|i, _| keep.contains(i));
        }
    }
}

/// How a paragraph is laid out: body text wrapped at `width`.
fn paragraph_job(text: &str, width: f32, color: Color32) -> LayoutJob {
    let mut job = LayoutJob::single_section(
        text.to_owned(),
        TextFormat {
            font_id: FontId::proportional(FONT_SIZE),
            color,
            line_height: Some(LINE_HEIGHT),
            ..Default::default()
        },
    );
    job.wrap.max_width = width;
    job
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(ctx: &egui::Context, mut f: impl FnMut(&mut Ui)) {
        ctx.run_ui(Default::default(), |ui| f(ui))
            .textures_delta
            .clear();
    }

    /// Frames until `done` holds (the thread answers within milliseconds).
    fn frames_until(ctx: &egui::Context, layouts: &mut Layouts, done: impl Fn(&Layouts) -> bool) {
        let start = std::time::Instant::now();
        while !done(layouts) {
            assert!(
                start.elapsed().as_secs() < 20,
                "the shaper thread never answered"
            );
            std::thread::sleep(std::time::Duration::from_millis(2));
            frame(ctx, |ui| layouts.begin_frame(ui, 300.0));
        }
    }

    #[test]
    fn paragraphs_asked_for_ahead_come_from_the_thread_and_stale_answers_are_dropped() {
        let ctx = egui::Context::default();
        let mut layouts = Layouts::new(Vec::new());
        let texts: Vec<String> = (0..12).map(|i| format!("Paragraph {i} 👋 ünï")).collect();
        let wanted = |from: usize| {
            texts[from..]
                .iter()
                .enumerate()
                .map(move |(i, t)| (from + i, t.as_str()))
        };

        // Fewer than a batch and none needed soon: nothing is asked for yet.
        frame(&ctx, |ui| {
            layouts.begin_frame(ui, 300.0);
            layouts.prefetch(ui, wanted(8), 0..=1);
        });
        assert!(layouts.queued.is_empty());
        // One needed soon: all of them are asked for at once.
        frame(&ctx, |ui| {
            layouts.begin_frame(ui, 300.0);
            layouts.prefetch(ui, wanted(0), 0..=1);
        });
        assert_eq!(layouts.queued.len(), 12);
        frames_until(&ctx, &mut layouts, |l| l.cache.len() == 12);
        assert!(layouts.queued.is_empty());
        assert!(layouts.cache.values().all(|laid| laid.off_thread));

        // Drawn from the cache, into the shaper's mesh, with no layout on this thread.
        frame(&ctx, |ui| {
            layouts.begin_frame(ui, 300.0);
            let before = layouts.cache[&3].galley.clone();
            let galley = layouts.get(ui, 3, &texts[3]);
            assert!(Arc::ptr_eq(&before, &galley));
            assert_eq!(galley.text(), texts[3]);
            layouts.paint(ui, 3, egui::pos2(10.0, 10.0));
            assert!(!layouts.mesh.is_empty());
            layouts.end_frame(ui);
        });

        // Another document: answers still on their way are dropped.
        frame(&ctx, |ui| {
            layouts.begin_frame(ui, 300.0);
            layouts.retain(0..=0);
            layouts.prefetch(ui, wanted(4), 4..=4);
            layouts.reset();
            layouts.prefetch(ui, wanted(11), 11..=11);
        });
        frames_until(&ctx, &mut layouts, |l| l.cache.contains_key(&11));
        assert_eq!(layouts.cache.keys().collect::<Vec<_>>(), [&11]);

        // A new width lays everything out anew.
        frame(&ctx, |ui| layouts.begin_frame(ui, 200.0));
        assert!(layouts.cache.is_empty());
    }
}

//! Laying out paragraphs ahead of the scroll on a thread of its own, so that scrolling
//! a long article does not shape text on the UI thread.
//!
//! Shaping (finding glyphs, kerning, line breaks) is most of what a frame that brings
//! new text into view costs. The shaper thread has its own [`Fonts`], built from the
//! same font definitions and font providers as the window's, so a paragraph comes out
//! exactly as the window would lay it out; its glyphs go into an atlas of its own,
//! which the window shows as a second font texture. Every change to that atlas travels
//! with the galley that caused it, in order, so a galley is never drawn before its
//! glyphs are in the texture. When the atlas fills up it starts over and everything
//! laid out before is dropped (the `generation` tells which).

use egui::epaint::text::{FontProvider, Fonts, TextOptions};
use egui::epaint::{ImageDelta, TextureId};
use egui::text::LayoutJob;
use egui::{Color32, Context, FontDefinitions, Galley, Mesh, Pos2, TextureOptions};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

/// One paragraph to lay out.
pub(super) struct Job {
    /// Which layout this is for (the document, width, scale and colour of the request);
    /// answers for an older one are dropped.
    pub(super) key: u64,
    pub(super) index: usize,
    pub(super) layout: LayoutJob,
    pub(super) pixels_per_point: f32,
    pub(super) options: TextOptions,
}

/// A paragraph laid out by the shaper thread.
pub(super) struct Shaped {
    pub(super) key: u64,
    pub(super) index: usize,
    pub(super) galley: Arc<Galley>,
    /// False when the atlas has started over since: the galley must not be drawn.
    pub(super) fresh: bool,
}

struct Answer {
    shaped: Shaped,
    generation: u64,
    delta: Option<ImageDelta>,
}

/// The window's end of the shaper thread.
pub(super) struct Shaper {
    jobs: Sender<Vec<Job>>,
    answers: Receiver<Answer>,
    texture: TextureId,
    atlas_size: [usize; 2],
    generation: u64,
}

impl Shaper {
    /// Starts the thread, with the window's font definitions and `providers` (the font
    /// providers the window's context was given). `None` when no thread can be started:
    /// then everything is laid out on the UI thread, as before.
    pub(super) fn start(ctx: &Context, providers: Vec<Arc<dyn FontProvider>>) -> Option<Self> {
        let definitions: FontDefinitions = ctx.fonts(|f| f.definitions().clone());
        let texture = ctx.tex_manager().write().alloc(
            "spanmark_shaper_atlas".to_owned(),
            egui::ImageData::Color(Arc::new(egui::ColorImage::filled(
                [1, 1],
                Color32::TRANSPARENT,
            ))),
            TextureOptions::LINEAR,
        );
        let (jobs, job_rx) = channel::<Vec<Job>>();
        let (answer_tx, answers) = channel();
        let repaint = ctx.clone();
        std::thread::Builder::new()
            .name("spanmark-shaper".to_owned())
            .spawn(move || shape_jobs(&job_rx, &answer_tx, definitions, providers, &repaint))
            .ok()?;
        Some(Self {
            jobs,
            answers,
            texture,
            atlas_size: [1, 1],
            generation: 0,
        })
    }

    /// Queues `jobs`, laid out in order; false when the thread has gone (the caller
    /// lays out itself). Each call wakes the thread, which costs the caller a system
    /// call: ask for several paragraphs at once.
    pub(super) fn request(&self, jobs: Vec<Job>) -> bool {
        self.jobs.send(jobs).is_ok()
    }

    /// The paragraphs laid out since the last call, after putting their glyphs into
    /// the texture. `cleared` is set when the atlas started over: every galley from
    /// this shaper received before is stale.
    pub(super) fn receive(&mut self, ctx: &Context, cleared: &mut bool) -> Vec<Shaped> {
        let mut out: Vec<Shaped> = Vec::new();
        while let Ok(answer) = self.answers.try_recv() {
            if answer.generation != self.generation {
                self.generation = answer.generation;
                for stale in &mut out {
                    stale.fresh = false;
                }
                *cleared = true;
            }
            if let Some(delta) = answer.delta {
                if delta.pos.is_none() {
                    self.atlas_size = delta.image.size();
                }
                ctx.tex_manager().write().set(self.texture, delta);
            }
            out.push(answer.shaped);
        }
        out
    }

    /// Appends `galley`, placed at `origin`, to `mesh` (whose texture is this shaper's
    /// atlas), keeping only the rows that meet `clip`.
    pub(super) fn add_to_mesh(
        &self,
        mesh: &mut Mesh,
        galley: &Galley,
        origin: Pos2,
        clip: egui::Rect,
        pixels_per_point: f32,
    ) {
        mesh.texture_id = self.texture;
        crate::ui::text_mesh::add_galley(
            mesh,
            galley,
            origin,
            clip,
            pixels_per_point,
            self.atlas_size,
            Color32::PLACEHOLDER,
        );
    }
}

/// The thread: lays out each job in turn until the window's end is dropped.
fn shape_jobs(
    jobs: &Receiver<Vec<Job>>,
    answers: &Sender<Answer>,
    definitions: FontDefinitions,
    providers: Vec<Arc<dyn FontProvider>>,
    repaint: &Context,
) {
    let mut fonts: Option<(Fonts, TextOptions)> = None;
    let mut generation = 0;
    for batch in jobs.iter() {
        for job in batch {
            let fonts = match &mut fonts {
                Some((fonts, options)) if *options == job.options => {
                    // Starts the atlas over when it is nearly full.
                    let fill = fonts.font_atlas_fill_ratio();
                    fonts.begin_pass(job.options, Default::default());
                    if fonts.font_atlas_fill_ratio() < fill {
                        generation += 1;
                    }
                    fonts
                }
                slot => {
                    if slot.is_some() {
                        generation += 1;
                    }
                    let made = Fonts::new(job.options, definitions.clone())
                        .with_font_providers(providers.clone());
                    &mut slot.insert((made, job.options)).0
                }
            };
            let galley = fonts.layout_uncached(job.pixels_per_point, Arc::new(job.layout));
            let answer = Answer {
                shaped: Shaped {
                    key: job.key,
                    index: job.index,
                    galley: Arc::new(galley),
                    fresh: true,
                },
                generation,
                delta: fonts.font_image_delta(),
            };
            if answers.send(answer).is_err() {
                return;
            }
        }
        // Once a batch: a repaint takes the window's context lock.
        repaint.request_repaint();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{FontId, TextFormat};

    fn job(text: &str, width: f32) -> LayoutJob {
        let mut job = LayoutJob::single_section(
            text.to_owned(),
            TextFormat {
                font_id: FontId::proportional(16.0),
                color: Color32::WHITE,
                ..Default::default()
            },
        );
        job.wrap.max_width = width;
        job
    }

    #[test]
    fn the_thread_lays_out_exactly_as_the_window_and_fills_its_texture() {
        let ctx = Context::default();
        // A first frame makes the fonts; its texture changes are for a renderer.
        ctx.run_ui(Default::default(), |_| {})
            .textures_delta
            .clear();
        let mut shaper = Shaper::start(&ctx, Vec::new()).expect("a thread starts");
        let text = "Emoji 👋🏽 and ünïcödé, wrapped at a narrow width so that it takes rows.";
        let options = ctx.global_style().visuals.text_options;
        assert!(shaper.request(vec![Job {
            key: 7,
            index: 3,
            layout: job(text, 120.0),
            pixels_per_point: 1.0,
            options,
        }]));
        let start = std::time::Instant::now();
        let shaped = loop {
            let mut cleared = false;
            if let Some(s) = shaper.receive(&ctx, &mut cleared).pop() {
                break s;
            }
            assert!(start.elapsed().as_secs() < 20, "no answer from the thread");
            std::thread::sleep(std::time::Duration::from_millis(5));
        };
        assert_eq!((shaped.key, shaped.index, shaped.fresh), (7, 3, true));
        let here = ctx.fonts_mut(|f| f.layout_job(job(text, 120.0)));
        assert!(here.rows.len() > 2, "wrapped: {}", here.rows.len());
        assert_eq!(shaped.galley.rows.len(), here.rows.len());
        for (a, b) in shaped.galley.rows.iter().zip(&here.rows) {
            assert_eq!(a.pos, b.pos);
            let glyphs = |r: &egui::epaint::text::PlacedRow| {
                r.glyphs.iter().map(|g| (g.chr, g.pos)).collect::<Vec<_>>()
            };
            assert_eq!(glyphs(a), glyphs(b));
        }
        // Its glyphs went into the shaper's own texture, with the size the mesh uses.
        let size = ctx
            .tex_manager()
            .read()
            .meta(shaper.texture)
            .map(|m| m.size);
        assert_eq!(size, Some(shaper.atlas_size));
        assert!(shaper.atlas_size[0] > 1 && shaper.atlas_size[1] > 1);
        let mut mesh = Mesh::default();
        let clip = egui::Rect::EVERYTHING;
        shaper.add_to_mesh(&mut mesh, &shaped.galley, egui::pos2(10.0, 20.0), clip, 1.0);
        assert_eq!(mesh.texture_id, shaper.texture);
        assert!(!mesh.is_empty() && mesh.is_valid());
        assert!(mesh.vertices.iter().all(|v| (0.0..=1.0).contains(&v.uv.x)));
        // Rows outside the clip rectangle are left out.
        let mut clipped = Mesh::default();
        let top_row = egui::Rect::from_min_size(egui::pos2(0.0, 20.0), egui::vec2(999.0, 5.0));
        shaper.add_to_mesh(
            &mut clipped,
            &shaped.galley,
            egui::pos2(10.0, 20.0),
            top_row,
            1.0,
        );
        assert!(!clipped.is_empty() && clipped.vertices.len() < mesh.vertices.len());
    }
}

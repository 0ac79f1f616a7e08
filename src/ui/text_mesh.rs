//! Text drawn as plain meshes. [`add_galley`] places a laid-out galley into a mesh of
//! the caller's, for text whose glyphs are in a texture other than egui's font texture
//! (the article text laid out by the shaper thread). [`DeferredText`] draws many small
//! galleys that rarely move (the span list's rows) as one mesh kept between frames:
//! egui would tessellate each as its own text shape every frame, at tens of
//! instructions per glyph corner. Placement, pixel snapping, colours and clipping
//! follow egui's tessellator.

use egui::epaint::Vertex;
use egui::epaint::text::PlacedRow;
use egui::{Color32, Context, Galley, Mesh, Painter, Pos2, Rect, Shape};
use std::sync::Arc;

/// Appends `galley`, placed at `origin`, to `mesh`, keeping only the rows that meet
/// `clip`. Glyph coordinates are normalised by `atlas_size`, the size of the texture
/// the galley's glyphs are in; text whose colour was left to the painter gets
/// `fallback`.
pub fn add_galley(
    mesh: &mut Mesh,
    galley: &Galley,
    origin: Pos2,
    clip: Rect,
    pixels_per_point: f32,
    atlas_size: [usize; 2],
    fallback: Color32,
) {
    use egui::emath::GuiRounding as _;
    let origin = origin.round_to_pixels(pixels_per_point);
    let uv_scale = egui::vec2(1.0 / atlas_size[0] as f32, 1.0 / atlas_size[1] as f32);
    for row in &galley.rows {
        let visuals = &row.visuals;
        if visuals.mesh.is_empty() {
            continue;
        }
        let row_pos = origin + row.pos.to_vec2();
        if !clip.intersects(visuals.mesh_bounds.translate(row_pos.to_vec2())) {
            continue;
        }
        let first = mesh.vertices.len() as u32;
        mesh.indices
            .extend(visuals.mesh.indices.iter().map(|i| i + first));
        let has_color_glyphs = row.glyphs.iter().any(|g| g.is_color);
        mesh.vertices
            .extend(visuals.mesh.vertices.iter().enumerate().map(|(i, v)| {
                let mut color = v.color;
                if color == Color32::PLACEHOLDER {
                    color = fallback;
                }
                if has_color_glyphs && is_color_glyph_vertex(row, i) {
                    // Colour glyphs keep their own colour, as egui draws them.
                    color = Color32::from_white_alpha(color.a());
                }
                Vertex {
                    pos: row_pos + v.pos.to_vec2(),
                    uv: (v.uv.to_vec2() * uv_scale).to_pos2(),
                    color,
                }
            }));
    }
}

fn is_color_glyph_vertex(row: &PlacedRow, vertex: usize) -> bool {
    if !row.visuals.glyph_vertex_range.contains(&vertex) {
        return false;
    }
    let glyph = row
        .glyphs
        .partition_point(|g| g.first_vertex as usize <= vertex);
    glyph
        .checked_sub(1)
        .and_then(|g| row.glyphs.get(g))
        .is_some_and(|g| g.is_color && !g.uv_rect.is_nothing())
}

/// Tells when egui has emptied its glyph atlas (it does when the atlas is nearly full):
/// every galley laid out before points at glyphs that are gone. The atlas only ever
/// fills up in between, so a drop in how full it is means it was emptied.
#[derive(Default)]
pub struct AtlasWatch {
    fill: f32,
}

impl AtlasWatch {
    /// Whether the atlas was emptied since the last call.
    pub fn emptied(&mut self, ctx: &Context) -> bool {
        let fill = ctx.fonts(|f| f.font_atlas_fill_ratio());
        let emptied = fill < self.fill;
        self.fill = fill;
        emptied
    }
}

/// Galleys in egui's own font texture (and plain filled rectangles), drawn as one mesh
/// built when the frame's layout is done (the texture's size, which glyph coordinates
/// are normalised by, is only final then) and kept while the same galleys stay in the
/// same places.
#[derive(Default)]
pub struct DeferredText {
    slot: Option<(Painter, egui::layers::ShapeIdx)>,
    items: Vec<(Arc<Galley>, Pos2, Color32)>,
    rects: Vec<(Rect, Color32)>,
    /// The last mesh and what it was built from.
    last: Option<Built>,
}

struct Built {
    items: Vec<(Arc<Galley>, Pos2, Color32)>,
    rects: Vec<(Rect, Color32)>,
    atlas_size: [usize; 2],
    pixels_per_point: f32,
    clip: Rect,
    mesh: Arc<Mesh>,
}

impl DeferredText {
    /// `galley` at `origin`, in `fallback` where its colour was left to the painter.
    pub fn push(&mut self, galley: Arc<Galley>, origin: Pos2, fallback: Color32) {
        self.items.push((galley, origin, fallback));
    }

    /// A rectangle filled with `color`, with square corners.
    pub fn push_rect(&mut self, rect: Rect, color: Color32) {
        self.rects.push((rect, color));
    }

    /// Keeps a place for the text pushed so far in `painter`'s layer, above what it
    /// holds now, clipped to its clip rectangle.
    pub fn place(&mut self, painter: &Painter) {
        let slot = painter.add(Shape::Noop);
        self.slot = Some((painter.clone(), slot));
    }

    /// Puts the mesh into the place kept by [`Self::place`], built anew only when the
    /// text, its places, the texture size or the clip rectangle changed; text pushed
    /// without a place is dropped.
    pub fn finish(&mut self, ctx: &Context) {
        let items = std::mem::take(&mut self.items);
        let rects = std::mem::take(&mut self.rects);
        let Some((painter, slot)) = self.slot.take() else {
            return;
        };
        let atlas_size = ctx.fonts(|f| f.font_image_size());
        let pixels_per_point = ctx.pixels_per_point();
        let clip = painter.clip_rect();
        let same = self.last.as_ref().is_some_and(|b| {
            b.atlas_size == atlas_size
                && b.pixels_per_point == pixels_per_point
                && b.clip == clip
                && b.rects == rects
                && b.items.len() == items.len()
                && b.items
                    .iter()
                    .zip(&items)
                    .all(|(a, b)| Arc::ptr_eq(&a.0, &b.0) && a.1 == b.1 && a.2 == b.2)
        });
        if !same {
            let mut mesh = Mesh::default();
            for (rect, color) in &rects {
                mesh.add_colored_rect(*rect, *color);
            }
            for (galley, origin, fallback) in &items {
                add_galley(
                    &mut mesh,
                    galley,
                    *origin,
                    clip,
                    pixels_per_point,
                    atlas_size,
                    *fallback,
                );
            }
            self.last = Some(Built {
                items,
                rects,
                atlas_size,
                pixels_per_point,
                clip,
                mesh: Arc::new(mesh),
            });
        }
        if let Some(built) = &self.last {
            painter.set(slot, Shape::Mesh(built.mesh.clone()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{FontId, pos2};

    /// One frame that lays out `texts`, pushes them at `x` and returns the mesh drawn.
    fn frame(ctx: &Context, deferred: &mut DeferredText, texts: &[&str], x: f32) -> Arc<Mesh> {
        ctx.run_ui(Default::default(), |ui| {
            for (i, text) in texts.iter().enumerate() {
                let galley = ui.painter().layout_no_wrap(
                    (*text).to_owned(),
                    FontId::proportional(14.0),
                    Color32::PLACEHOLDER,
                );
                deferred.push(galley, pos2(x, 20.0 * i as f32), Color32::RED);
            }
            deferred.place(ui.painter());
            deferred.finish(ui.ctx());
        })
        .textures_delta
        .clear();
        deferred
            .last
            .as_ref()
            .expect("a mesh was built")
            .mesh
            .clone()
    }

    #[test]
    fn row_text_is_one_mesh_reused_until_something_moves() {
        let ctx = Context::default();
        let mut deferred = DeferredText::default();
        let first = frame(&ctx, &mut deferred, &["first row", "second row 👋"], 10.0);
        assert!(first.is_valid() && first.vertices.len() >= 4 * 15);
        assert!(first.vertices.iter().all(|v| v.color == Color32::RED));
        assert!(
            first
                .vertices
                .iter()
                .all(|v| v.pos.x >= 10.0 && v.pos.y >= 0.0)
        );
        // egui's cache gives the same galleys for the same text: the mesh is kept.
        let again = frame(&ctx, &mut deferred, &["first row", "second row 👋"], 10.0);
        assert!(Arc::ptr_eq(&first, &again));
        // Moved: built anew, in the new place.
        let moved = frame(&ctx, &mut deferred, &["first row", "second row 👋"], 30.0);
        assert!(!Arc::ptr_eq(&first, &moved));
        let min_x = |m: &Mesh| m.vertices.iter().map(|v| v.pos.x).fold(f32::MAX, f32::min);
        assert!((min_x(&moved) - min_x(&first) - 20.0).abs() < 1.0);
        // Text pushed without a place is not drawn later.
        deferred.push(moved_galley(&ctx), pos2(0.0, 0.0), Color32::RED);
        deferred.finish(&ctx);
        assert!(deferred.items.is_empty());
        // A rectangle goes into the same mesh.
        let before = frame(&ctx, &mut deferred, &["first row"], 10.0);
        deferred.push_rect(
            Rect::from_min_size(pos2(2.0, 2.0), egui::vec2(4.0, 16.0)),
            Color32::BLUE,
        );
        let with_rect = frame(&ctx, &mut deferred, &["first row"], 10.0);
        assert_eq!(with_rect.vertices.len(), before.vertices.len() + 4);
        assert!(with_rect.vertices.iter().any(|v| v.color == Color32::BLUE));
    }

    fn moved_galley(ctx: &Context) -> Arc<Galley> {
        ctx.fonts_mut(|f| f.layout_no_wrap("x".into(), FontId::proportional(14.0), Color32::RED))
    }
}

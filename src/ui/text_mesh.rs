//! Text drawn as a plain mesh: a laid-out galley placed into a mesh of the caller's,
//! for text whose glyphs are in a texture other than egui's font texture (the article
//! text laid out by the shaper thread). Placement, pixel snapping, colours and
//! clipping follow egui's tessellator.

use egui::epaint::Vertex;
use egui::epaint::text::PlacedRow;
use egui::{Color32, Galley, Mesh, Pos2, Rect};

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

package deriv.render;

/** Paper for PDF output, in points (1/72 inch). */
public enum PageSize {
    A4(595.28f, 841.89f), LETTER(612f, 792f);

    public final float width, height;

    PageSize(float width, float height) { this.width = width; this.height = height; }
}

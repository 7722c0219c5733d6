package dev.slipway.release.promotion;

/** Which images of which thin manifest take part in a run ({@code --since} narrows it to changed ones). */
@FunctionalInterface
public interface ImageFilter {

    boolean includes(String manifestId, String image);

    static ImageFilter all() {
        return (manifestId, image) -> true;
    }
}

package dev.hwgrade.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The files the HTML reports load, copied from the MathJax webjar into {@code reports/assets/}: the
 * TeX-to-CHTML component and its fonts. Nothing is fetched from the network.
 */
public final class Assets {
  /** The folder in {@code reports/}. */
  public static final String FOLDER = "assets";

  /** The script, relative to the assets folder. */
  public static final String MATHJAX_SCRIPT = "mathjax/tex-chtml.js";

  private static final String WEBJAR = "META-INF/resources/webjars/mathjax/3.2.2/es5/";

  private static final String FONTS = "output/chtml/fonts/woff-v2/";

  private static final List<String> FONT_NAMES =
      List.of(
          "AMS-Regular",
          "Calligraphic-Bold",
          "Calligraphic-Regular",
          "Fraktur-Bold",
          "Fraktur-Regular",
          "Main-Bold",
          "Main-Italic",
          "Main-Regular",
          "Math-BoldItalic",
          "Math-Italic",
          "Math-Regular",
          "SansSerif-Bold",
          "SansSerif-Italic",
          "SansSerif-Regular",
          "Script-Regular",
          "Size1-Regular",
          "Size2-Regular",
          "Size3-Regular",
          "Size4-Regular",
          "Typewriter-Regular",
          "Vector-Bold",
          "Vector-Regular",
          "Zero");

  private Assets() {}

  /** The files copied, relative to {@code mathjax/} in the assets folder and to the webjar. */
  static List<String> files() {
    List<String> all = new ArrayList<>();
    all.add("tex-chtml.js");
    for (String f : FONT_NAMES) {
      all.add(FONTS + "MathJax_" + f + ".woff");
    }
    return all;
  }

  /**
   * Copies the assets into {@code assetsDir} unless a file of the same size is there already.
   *
   * @return the number of files copied
   */
  public static int copyTo(Path assetsDir) throws IOException {
    int copied = 0;
    for (String f : files()) {
      Path target = assetsDir.resolve("mathjax").resolve(f);
      String resource = WEBJAR + f;
      try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IOException("the MathJax file " + resource + " is missing from the class path");
        }
        byte[] bytes = in.readAllBytes();
        if (Files.isSymbolicLink(target)) {
          throw new IOException(target + " is a symbolic link; not writing through it");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && Files.size(target) == bytes.length) {
          continue;
        }
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        copied++;
      }
    }
    return copied;
  }
}

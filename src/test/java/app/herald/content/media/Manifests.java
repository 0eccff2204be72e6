package app.herald.content.media;

import java.nio.file.Path;

/** The texts of files that make ffmpeg open another file: an HLS playlist, a DASH manifest, a concat list. */
final class Manifests {

    private Manifests() {
    }

    static String hls(Path segment) {
        return "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4,\nfile:" + segment + "\n#EXT-X-ENDLIST\n";
    }

    static String dash(Path video) {
        return """
                <?xml version="1.0"?>
                <MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" mediaPresentationDuration="PT4S" minBufferTime="PT1S"
                     profiles="urn:mpeg:dash:profile:isoff-on-demand:2011">
                  <Period><AdaptationSet mimeType="video/mp4"><Representation id="1" bandwidth="1000" width="1080" height="1920">
                    <BaseURL>file://%s</BaseURL></Representation></AdaptationSet></Period>
                </MPD>
                """.formatted(video);
    }

    /** {@code file} as written: the concat demuxer's safe mode only takes plain names next to the list. */
    static String concat(String file) {
        return "ffconcat version 1.0\nfile " + file + "\n";
    }
}

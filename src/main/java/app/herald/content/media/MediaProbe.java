package app.herald.content.media;

import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.herald.platform.MediaFacts;

/** Turns ffprobe's JSON into {@link MediaFacts}, refusing anything that is not a playable video. */
public final class MediaProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Formats ffprobe reports for still pictures, which have a "video" stream but are not videos. */
    private static final Set<String> IMAGE_CODECS = Set.of("png", "mjpeg", "gif", "bmp", "webp", "tiff");
    /** ffprobe's names for the whitelisted demuxers ({@link Ffmpeg#FORMAT_WHITELIST}). */
    private static final Set<String> ACCEPTED_FORMATS = Set.of("mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm");
    static final String NOT_A_VIDEO = "This file is not a video Herald can read. Upload an MP4, MOV or WebM video.";
    static final String OTHER_CONTAINER = "Herald accepts MP4, MOV, WebM and Matroska videos only; this file is another"
            + " format (such as a playlist, a streaming manifest, a concat list, an image sequence or an AVI)."
            + " Export it as MP4 and upload it again.";

    private MediaProbe() {
    }

    /** The facts of a video, from ffprobe's exit code, JSON output and error text. */
    public static MediaFacts facts(Ffmpeg.Result probe) {
        if (probe.exitCode() != 0) {
            // ffprobe finds the MP4/MOV index ("moov atom") at the end of a file; a cut-off upload loses it.
            if (probe.errors().contains("moov atom not found")) {
                throw new MediaRejectedException("The video is incomplete or damaged (its index is missing; was the upload"
                        + " cut off?). Export or upload it again.");
            }
            throw new MediaRejectedException(probe.errors().contains("Format not on whitelist") ? OTHER_CONTAINER : NOT_A_VIDEO);
        }
        JsonNode root;
        try {
            root = JSON.readTree(probe.output());
        } catch (JsonProcessingException e) {
            throw new MediaRejectedException(NOT_A_VIDEO);
        }
        JsonNode format = root.path("format");
        // Belt and braces: ffprobe was told the whitelist, and its answer must name one of those demuxers.
        if (!ACCEPTED_FORMATS.contains(format.path("format_name").asText())) {
            throw new MediaRejectedException(OTHER_CONTAINER);
        }
        JsonNode video = null;
        JsonNode audio = null;
        for (JsonNode stream : root.path("streams")) {
            String type = stream.path("codec_type").asText();
            boolean picture = stream.path("disposition").path("attached_pic").asInt() == 1;
            if (video == null && "video".equals(type) && !picture) {
                video = stream;
            } else if (audio == null && "audio".equals(type)) {
                audio = stream;
            }
        }
        if (video == null) {
            throw new MediaRejectedException(audio != null
                    ? "This file has sound but no picture (audio only). Upload a video." : NOT_A_VIDEO);
        }
        double duration = format.path("duration").asDouble(video.path("duration").asDouble(0));
        if (IMAGE_CODECS.contains(video.path("codec_name").asText()) && duration <= 0.05) {
            throw new MediaRejectedException("This file is a still picture, not a video. Upload a video.");
        }
        if (duration <= 0) {
            throw new MediaRejectedException("The video has no playing time; it may be damaged. Export or upload it again.");
        }
        String videoCodec = video.path("codec_name").asText("unknown");
        String audioCodec = audio == null ? null : audio.path("codec_name").asText("unknown");
        double frameRate = rate(video.path("avg_frame_rate").asText());
        return new MediaFacts(container(format, videoCodec), duration, video.path("width").asInt(),
                video.path("height").asInt(), rotation(video), videoCodec, audioCodec,
                frameRate > 0 ? frameRate : rate(video.path("r_frame_rate").asText()), format.path("bit_rate").asLong(0));
    }

    /** The container as the platform specs name it: ffprobe reports one name for the whole MP4/MOV family. */
    static String container(JsonNode format, String videoCodec) {
        String name = format.path("format_name").asText();
        if (name.contains("mp4") || name.contains("mov")) {
            return format.path("tags").path("major_brand").asText().strip().equals("qt") ? "mov" : "mp4";
        }
        // Matroska and WebM share a demuxer; WebM only carries VP8, VP9 and AV1 video.
        return Set.of("vp8", "vp9", "av1").contains(videoCodec) ? "webm" : "mkv";
    }

    /** Quarter turns players apply, 0/90/180/270, from the display matrix or the older rotate tag. */
    static int rotation(JsonNode video) {
        double degrees = video.path("tags").path("rotate").asDouble(0);
        for (JsonNode side : video.path("side_data_list")) {
            if (side.has("rotation")) {
                degrees = side.path("rotation").asDouble();
            }
        }
        int rounded = (int) Math.round(degrees / 90.0) * 90;
        return ((rounded % 360) + 360) % 360;
    }

    private static double rate(String fraction) {
        int slash = fraction.indexOf('/');
        try {
            if (slash < 0) {
                return Double.parseDouble(fraction);
            }
            double denominator = Double.parseDouble(fraction.substring(slash + 1));
            return denominator == 0 ? 0 : Double.parseDouble(fraction.substring(0, slash)) / denominator;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

package app.herald.content.media;

import org.junit.jupiter.api.Test;

import app.herald.platform.MediaFacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaProbeTest {

    private static Ffmpeg.Result ok(String json) {
        return new Ffmpeg.Result(0, json, "");
    }

    @Test
    void readsTheFactsOfARealClip() {
        MediaFacts facts = MediaProbe.facts(TestVideos.ffmpeg().probe(TestVideos.landscape()));

        assertThat(facts.container()).isEqualTo("mp4");
        assertThat(facts.durationSeconds()).isBetween(3.9, 4.1);
        assertThat(facts.dimensions()).isEqualTo("1280×720");
        assertThat(facts.aspectRatio()).isEqualTo("16:9");
        assertThat(facts.videoCodec()).isEqualTo("h264");
        assertThat(facts.audioCodec()).isEqualTo("aac");
        assertThat(facts.frameRate()).isEqualTo(30.0);
        assertThat(facts.bitRate()).isPositive();
    }

    @Test
    void aDisplayMatrixRotationSwapsTheDisplayedDimensions() {
        MediaFacts facts = MediaProbe.facts(ok("""
                {"streams":[{"codec_type":"video","codec_name":"hevc","width":1920,"height":1080,"avg_frame_rate":"30000/1001",
                  "side_data_list":[{"side_data_type":"Display Matrix","rotation":-90}]},
                 {"codec_type":"audio","codec_name":"aac"}],
                 "format":{"format_name":"mov,mp4,m4a,3gp,3g2,mj2","duration":"12.5","bit_rate":"900000",
                  "tags":{"major_brand":"qt  "}}}"""));

        assertThat(facts.rotation()).isEqualTo(270);
        assertThat(facts.dimensions()).isEqualTo("1080×1920");
        assertThat(facts.container()).isEqualTo("mov");
        assertThat(facts.frameRate()).isBetween(29.96, 29.98);
    }

    @Test
    void theOlderRotateTagCountsToo() {
        MediaFacts facts = MediaProbe.facts(ok("""
                {"streams":[{"codec_type":"video","codec_name":"h264","width":1280,"height":720,"avg_frame_rate":"25/1",
                  "tags":{"rotate":"90"}}],"format":{"format_name":"mov,mp4,m4a,3gp,3g2,mj2","duration":"5"}}"""));

        assertThat(facts.rotation()).isEqualTo(90);
        assertThat(facts.dimensions()).isEqualTo("720×1280");
        assertThat(facts.audioCodec()).isNull();
    }

    @Test
    void webmAndMatroskaAreToldApartByTheirCodecs() {
        assertThat(MediaProbe.facts(ok("""
                {"streams":[{"codec_type":"video","codec_name":"vp9","width":1080,"height":1920,"avg_frame_rate":"30/1"}],
                 "format":{"format_name":"matroska,webm","duration":"5"}}""")).container()).isEqualTo("webm");
        assertThat(MediaProbe.facts(ok("""
                {"streams":[{"codec_type":"video","codec_name":"h264","width":1080,"height":1920,"avg_frame_rate":"30/1"}],
                 "format":{"format_name":"matroska,webm","duration":"5"}}""")).container()).isEqualTo("mkv");
    }

    @Test
    void aDemuxerOutsideTheWhitelistIsRefusedEvenIfFfprobeReadIt() {
        assertThatThrownBy(() -> MediaProbe.facts(ok("""
                {"streams":[{"codec_type":"video","codec_name":"h264","width":1080,"height":1920,"avg_frame_rate":"30/1"}],
                 "format":{"format_name":"hls","duration":"4"}}"""))).hasMessage(MediaProbe.OTHER_CONTAINER);
    }

    @Test
    void refusesWhatIsNotAPlayableVideo() {
        assertThatThrownBy(() -> MediaProbe.facts(TestVideos.ffmpeg().probe(TestVideos.audioOnly())))
                .hasMessage("This file has sound but no picture (audio only). Upload a video.");
        assertThatThrownBy(() -> MediaProbe.facts(TestVideos.ffmpeg().probe(TestVideos.truncated())))
                .hasMessageStartingWith("The video is incomplete or damaged");
        assertThatThrownBy(() -> MediaProbe.facts(ok("""
                {"streams":[{"codec_type":"video","codec_name":"png","width":800,"height":600,"avg_frame_rate":"0/0"}],
                 "format":{"format_name":"mov,mp4,m4a,3gp,3g2,mj2"}}""")))
                .hasMessage("This file is a still picture, not a video. Upload a video.");
        assertThatThrownBy(() -> MediaProbe.facts(TestVideos.ffmpeg().probe(TestVideos.jpeg())))
                .hasMessage(MediaProbe.OTHER_CONTAINER);
    }
}

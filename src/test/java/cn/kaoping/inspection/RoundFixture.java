package cn.kaoping.inspection;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Opens rounds over the demo city through the API, as 河东区 (hedong_admin) would. */
public final class RoundFixture {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private RoundFixture() {
    }

    public static JsonNode json(HttpResponse<String> res) {
        return JSON.readTree(res.body());
    }

    /** A draft round of the Erqi scheme over the estates of 东风街道, publicity of the given days. */
    public static long draftOverDongfeng(int port, OrganisationDirectory directory, int publicityDays) {
        long street = directory.regionByCode("QH-HD-DF").orElseThrow().id();
        ApiClient admin = ApiClient.as(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        HttpResponse<String> res = admin.send("POST", "/api/v1/rounds", """
                {"name": "东风街道2020年上半年考核 %d", "schemeCode": "erqi-old-estate", "schemeVersion": 1,
                 "period": "2020-H1", "streetId": %d, "oldEstatesOnly": false, "inspectionDue": "2020-07-15",
                 "reviewDue": "2020-07-31", "publicityDays": %d, "confirmOverlap": true}""".formatted(System.nanoTime(), street, publicityDays));
        if (res.statusCode() != 201) {
            throw new IllegalStateException(res.statusCode() + " " + res.body());
        }
        return json(res).get("id").asLong();
    }

    public static long openOverDongfeng(int port, OrganisationDirectory directory, int publicityDays) {
        long id = draftOverDongfeng(port, directory, publicityDays);
        HttpResponse<String> res = ApiClient.as(port, "hedong_admin", Browserless.DEMO_PASSWORD)
                .send("POST", "/api/v1/rounds/" + id + "/open", null);
        if (res.statusCode() != 200) {
            throw new IllegalStateException(res.statusCode() + " " + res.body());
        }
        return id;
    }

    public static List<Long> inspections(ApiClient client, long round) {
        List<Long> ids = new ArrayList<>();
        HttpResponse<String> res = client.get("/api/v1/rounds/" + round + "/inspections");
        if (res.statusCode() != 200) {
            throw new IllegalStateException(res.statusCode() + " " + res.body());
        }
        json(res).forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }

    /** A small real PNG, drawn here. */
    public static byte[] png() {
        BufferedImage img = new BufferedImage(24, 24, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 24; x++) {
            for (int y = 0; y < 24; y++) {
                img.setRGB(x, y, (x + y) % 2 == 0 ? Color.RED.getRGB() : Color.WHITE.getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

package io.akocamel.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class NameRefTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            cluster-1--shop-foo.example.com_api_v1-web | cluster-1--shop-foo.example.com_api_v1-web
            cluster-1--blog-*.noo.com_-blog            | cluster-1--blog-*.noo.com_-blog
            _sale-50%                                  | _sale-50%25
            _tom&jerry                                 | _tom%26jerry
            _c++                                       | _c%2B%2B
            _key=value                                 | _key%3Dvalue
            _a;b                                       | _a%3Bb
            _~user                                     | _~user
            _(draft)                                   | _%28draft%29
            _hello!                                    | _hello%21
            _price$                                    | _price%24
            "_a,b"                                     | _a%2Cb
            _v1:batch                                  | _v1%3Abatch
            _@me                                       | _%40me
            _o'brien                                   | _o%27brien
            _c#                                        | _c%23
            "_two words"                               | _two%20words
            _a%2Bb                                     | _a%252Bb
            _café                                      | _caf%C3%A9
            """)
    void plainNamesStayAsAkoWritesThemAndEveryOtherCharacterIsPercentEncoded(String name, String encoded) {
        assertThat(NameRef.encode(name)).isEqualTo(encoded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%&+=;~()*!$,:@'é", "%zz%", "%2B+", "日本#?/", "a\u0000b", "\uD83D\uDE00"})
    void aServerDecodesTheReferenceBackToTheName(String name) {
        String ref = AviType.POOL.refByName(name);

        assertThat(ref).startsWith("/api/pool?name=").doesNotContain("&", "#", "+", " ");
        assertThat(URLDecoder.decode(ref.substring(ref.indexOf('=') + 1), StandardCharsets.UTF_8)).isEqualTo(name);
    }
}

package dev.patchtrack.ingest.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory;

/**
 * JGit's HTTP transport on {@link HttpFetcher}'s terms: every request of a fetch (ref advertisement,
 * pack negotiation, pack, dumb-protocol objects) goes to an allowed host and port, to the address
 * that was checked, under a deadline and a size limit. A ref advertisement is read into memory by
 * JGit, so it is held to {@code max-document-bytes} and {@code request-timeout}; packs and objects
 * stream to disk and are held to {@code max-body-bytes} and {@code download-timeout}. Compression is
 * not asked for, and a compressed answer is counted as it decompresses.
 */
final class GitTransport implements HttpConnectionFactory {

    /** The largest request body JGit may send (a pack negotiation: want and have lines). */
    static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

    private final HttpFetcher http;

    GitTransport(HttpFetcher http) {
        this.http = http;
    }

    @Override
    public HttpConnection create(URL url) {
        return new Connection(http, url);
    }

    @Override
    public HttpConnection create(URL url, Proxy proxy) {
        return new Connection(http, url);
    }

    /** Held in memory by JGit: the ref advertisement and the small files of the dumb protocol. */
    static boolean document(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        return path.endsWith("/info/refs") || path.endsWith("/HEAD") || path.contains("/objects/info/");
    }

    static final class Connection implements HttpConnection {
        private final HttpFetcher http;
        private final URL url;
        private final Map<String, String> request = new LinkedHashMap<>();
        private String method = "GET";
        private ByteArrayOutputStream out;
        private Wire.Exchange exchange;
        private InputStream body;

        Connection(HttpFetcher http, URL url) {
            this.http = http;
            this.url = url;
        }

        private Wire.Exchange exchange() throws IOException {
            if (exchange == null) {
                URI uri;
                try {
                    uri = url.toURI();
                } catch (URISyntaxException e) {
                    throw new FetchException("not a URL: " + url, 0, e);
                }
                boolean document = document(uri);
                exchange = http.gitExchange(uri, method, request, out == null ? null : out.toByteArray(), document);
                InputStream in = exchange.body;
                String encoding = exchange.header("Content-Encoding");
                if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip")) {
                    // sent compressed though not asked to: counted again as it decompresses
                    in = new Wire.LimitedStream(new GZIPInputStream(in), document ? http.config.http().maxDocumentBytes()
                            : http.config.http().maxBodyBytes(), uri + ": decompressed body",
                            document ? HttpFetcher.DOCUMENT_LIMIT : HttpFetcher.BODY_LIMIT);
                }
                body = in;
            }
            return exchange;
        }

        @Override
        public int getResponseCode() throws IOException {
            return exchange().status;
        }

        @Override
        public URL getURL() {
            return url;
        }

        @Override
        public String getResponseMessage() throws IOException {
            return exchange().reason;
        }

        @Override
        public Map<String, List<String>> getHeaderFields() {
            try {
                Map<String, List<String>> h = new LinkedHashMap<>(exchange().headers);
                h.remove("Content-Encoding");
                return h;
            } catch (IOException e) {
                return Map.of();
            }
        }

        @Override
        public void setRequestProperty(String key, String value) {
            if (!key.equalsIgnoreCase("Accept-Encoding")) {
                request.put(key, value);
            }
        }

        @Override
        public void setRequestMethod(String method) {
            this.method = method;
        }

        @Override
        public void setUseCaches(boolean usecaches) {
            // nothing is cached
        }

        @Override
        public void setConnectTimeout(int timeout) {
            // patchtrack.http.connect-timeout applies
        }

        @Override
        public void setReadTimeout(int timeout) {
            // the whole request has its deadline
        }

        @Override
        public String getContentType() {
            return getHeaderField("Content-Type");
        }

        @Override
        public InputStream getInputStream() throws IOException {
            exchange();
            return body;
        }

        @Override
        public String getHeaderField(String name) {
            if (name.equalsIgnoreCase("Content-Encoding")) {
                return null;
            }
            try {
                return exchange().header(name);
            } catch (IOException e) {
                return null;
            }
        }

        @Override
        public List<String> getHeaderFields(String name) {
            if (name.equalsIgnoreCase("Content-Encoding")) {
                return List.of();
            }
            try {
                List<String> v = exchange().headers.get(name);
                return v == null ? List.of() : v;
            } catch (IOException e) {
                return List.of();
            }
        }

        @Override
        public int getContentLength() {
            String v = getHeaderField("Content-Length");
            try {
                return v == null ? -1 : Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        @Override
        public void setInstanceFollowRedirects(boolean followRedirects) {
            // never followed here: JGit sees the 3xx (and http.followRedirects is false)
        }

        @Override
        public void setDoOutput(boolean dooutput) {
            if (dooutput && out == null) {
                out = new ByteArrayOutputStream();
            }
        }

        @Override
        public void setFixedLengthStreamingMode(int contentLength) {
            // the body is sent whole, with its length
        }

        @Override
        public OutputStream getOutputStream() {
            setDoOutput(true);
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (out.size() + (long) len > MAX_REQUEST_BYTES) {
                        throw new IOException(url + ": request body larger than " + MAX_REQUEST_BYTES + " bytes");
                    }
                    out.write(b, off, len);
                }
            };
        }

        @Override
        public void setChunkedStreamingMode(int chunklen) {
            // the body is sent whole, with its length
        }

        @Override
        public String getRequestMethod() {
            return method;
        }

        @Override
        public boolean usingProxy() {
            return false;
        }

        @Override
        public void connect() {
            // the request goes out when its answer is first asked for (after the body is written)
        }

        @Override
        public void configure(KeyManager[] km, TrustManager[] tm, SecureRandom random)
                throws NoSuchAlgorithmException, KeyManagementException {
            throw new KeyManagementException("the git transport uses the JDK's trust store; http.sslVerify cannot be changed");
        }

        @Override
        public void setHostnameVerifier(HostnameVerifier hostnameVerifier) throws KeyManagementException {
            throw new KeyManagementException("the git transport checks host names itself");
        }
    }
}

/**
 * What the nginx image answers on port 80: its default server's index.html (the page every
 * `docker run nginx` shows, 615 bytes) and nginx's own 404 page, with the headers nginx
 * sends (Server, Date, Content-Type, Content-Length, Last-Modified, Connection, ETag,
 * Accept-Ranges; the ETag is the file's mtime and size in hex). The files' mtime is when
 * the image was built (unconfirmed to the second).
 */
import { httpDate } from "../node/net/listeners";
import type { PodServer } from "../runtime/types";

const INDEX_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const notFound = (version: string) =>
  `<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;

export function nginxServer(version: string, builtAt: number): PodServer {
  return {
    port: 80,
    http(req, now) {
      if (req.path === "/" || req.path === "/index.html") {
        return {
          status: 200,
          headers: [
            ["Server", `nginx/${version}`],
            ["Date", httpDate(now)],
            ["Content-Type", "text/html"],
            ["Content-Length", String(INDEX_HTML.length)],
            ["Last-Modified", httpDate(builtAt)],
            ["Connection", "keep-alive"],
            ["ETag", `"${Math.floor(builtAt / 1000).toString(16)}-${INDEX_HTML.length.toString(16)}"`],
            ["Accept-Ranges", "bytes"],
          ],
          body: INDEX_HTML,
        };
      }
      const body = notFound(version);
      return {
        status: 404,
        headers: [
          ["Server", `nginx/${version}`],
          ["Date", httpDate(now)],
          ["Content-Type", "text/html"],
          ["Content-Length", String(body.length)],
          ["Connection", "keep-alive"],
        ],
        body,
      };
    },
  };
}

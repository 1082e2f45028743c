// Command responseframing is the reference for the server's framing decision's tests
// (nethttp.server.ResponseFramingTest): it runs Go's server with a handler that sets the framing
// fields of its header, chooses a status and writes a few bytes, either all at once before
// returning or after a flush, and it sends that server one request for each combination of method,
// version and Connection field. For each, it prints one line: the case, then the Content-Length,
// Transfer-Encoding and Connection fields of the response ("-" for none) and whether the server
// closed the connection after it; 1 and 0 stand for yes and no. The rest of each response is read
// with a short deadline: a connection that stays open and quiet counts as kept.
//
//	go run main.go > ../../resources/nethttp/server/response-framing-go119.txt
package main

import (
	"bufio"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// c is one case: the request, then what the handler does.
type c struct {
	method, reqConn string
	minor           int
	status          int
	cl              int // -1 none
	te, conn        string
	trailers        bool
	finished        bool
	written         int
}

func main() {
	var cur c
	srv := &http.Server{ErrorLog: log.New(io.Discard, "", 0), Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		if cur.cl >= 0 {
			h.Set("Content-Length", strconv.Itoa(cur.cl))
		}
		if cur.te != "" {
			h.Set("Transfer-Encoding", cur.te)
		}
		if cur.conn != "" {
			h.Set("Connection", cur.conn)
		}
		if cur.trailers {
			h.Set("Trailer", "X-T")
		}
		w.WriteHeader(cur.status)
		if cur.finished {
			if cur.written > 0 {
				w.Write([]byte(strings.Repeat("a", cur.written)))
			}
		} else {
			w.(http.Flusher).Flush()
			if cur.written > 0 {
				w.Write([]byte(strings.Repeat("a", cur.written)))
			}
		}
	})}
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	go srv.Serve(ln)
	for _, m := range []string{"GET", "HEAD"} {
		for _, minor := range []int{0, 1} {
			for _, rc := range []string{"", "close", "keep-alive"} {
				for _, st := range []int{200, 204, 304} {
					for _, cl := range []int{-1, 3} {
						for _, te := range []string{"", "chunked", "identity", "gzip"} {
							for _, hc := range []string{"", "close", "keep-alive"} {
								for _, tr := range []bool{false, true} {
									for _, fin := range []bool{true, false} {
										for _, wr := range []int{0, 3} {
											if st != 200 && wr > 0 {
												continue
											}
											if cl >= 0 && wr != cl && st == 200 && m == "GET" {
												continue
											}
											cur = c{m, rc, minor, st, cl, te, hc, tr, fin, wr}
											run(ln.Addr().String(), cur)
										}
									}
								}
							}
						}
					}
				}
			}
		}
	}
}

func run(addr string, k c) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		panic(err)
	}
	defer conn.Close()
	req := fmt.Sprintf("%s / HTTP/1.%d\r\nHost: x\r\n", k.method, k.minor)
	if k.reqConn != "" {
		req += "Connection: " + k.reqConn + "\r\n"
	}
	req += "\r\n"
	conn.Write([]byte(req))
	br := bufio.NewReader(conn)
	var lines []string
	for {
		l, err := br.ReadString('\n')
		if err != nil {
			fmt.Println("ERR", k, err)
			return
		}
		l = strings.TrimRight(l, "\r\n")
		if l == "" {
			break
		}
		lines = append(lines, l)
	}
	clv, tev, connv := "-", "-", "-"
	for _, l := range lines[1:] {
		kv := strings.SplitN(l, ": ", 2)
		switch kv[0] {
		case "Content-Length":
			clv = kv[1]
		case "Transfer-Encoding":
			if tev == "-" {
				tev = kv[1]
			} else {
				tev += "+" + kv[1]
			}
		case "Connection":
			connv = kv[1]
		}
	}
	// read the rest until EOF or quiet
	conn.SetReadDeadline(time.Now().Add(150 * time.Millisecond))
	closed := false
	buf := make([]byte, 4096)
	for {
		_, err := br.Read(buf)
		if err != nil {
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
				closed = false
			} else {
				closed = true
			}
			break
		}
	}
	fmt.Printf("%s 1.%d %s %d %d %s %s %d %d %d -> %s %s %s %d\n", k.method, k.minor, dash(k.reqConn), k.status, k.cl,
		dash(k.te), dash(k.conn), bit(k.trailers), bit(k.finished), k.written, clv, tev, connv, bit(closed))
}

func bit(b bool) int {
	if b {
		return 1
	}
	return 0
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// Go's client under the load driver: 50 goroutines send GET requests in a loop through one
// http.Transport. It starts once and measures on demand, so that it is warmed up like a server:
// each line "run SECONDS" on stdin runs the loop that long and prints
// "requests/s=N errors=N"; end of input ends it.
// Usage: client URL   (GOMAXPROCS is set by whoever starts it)
package main

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

const workers = 50

func main() {
	url := os.Args[1]
	// One idle connection per goroutine: the default of 2 would redial most of them.
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: workers}, Timeout: 10 * time.Second}
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		f := strings.Fields(in.Text())
		if len(f) != 2 || f[0] != "run" {
			fmt.Println("error: want \"run SECONDS\"")
			continue
		}
		secs, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		var done, failed int64
		var stop atomic.Bool
		var wg sync.WaitGroup
		for i := 0; i < workers; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for !stop.Load() {
					resp, err := client.Get(url)
					if err == nil {
						_, err = io.Copy(io.Discard, resp.Body)
						resp.Body.Close()
						if err == nil && resp.StatusCode != 200 {
							err = fmt.Errorf("status %d", resp.StatusCode)
						}
					}
					if err != nil {
						atomic.AddInt64(&failed, 1)
					} else {
						atomic.AddInt64(&done, 1)
					}
				}
			}()
		}
		time.Sleep(time.Duration(secs * float64(time.Second)))
		stop.Store(true)
		wg.Wait()
		fmt.Printf("requests/s=%.0f errors=%d\n", float64(done)/secs, failed)
	}
}

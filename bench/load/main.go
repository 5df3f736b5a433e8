// Command load sends a bounded number of requests to a herodot server on
// loopback and reports requests per second and latency percentiles.
//
//	go run ./bench/load -url http://127.0.0.1:8080 -n 5000 -c 16 /api/events?limit=50 /doc/ID
//
// Each worker takes the paths in turn. With -pid, the server's peak
// resident memory (VmHWM from /proc) is reported too.
package main

import (
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	base := flag.String("url", "http://127.0.0.1:8080", "the server")
	n := flag.Int("n", 2000, "requests in all")
	c := flag.Int("c", 8, "requests at once")
	pid := flag.Int("pid", 0, "the server's process, to report its peak memory")
	flag.Parse()
	paths := flag.Args()
	if len(paths) == 0 {
		paths = []string{"/"}
	}
	if *n < 1 || *c < 1 {
		fmt.Fprintln(os.Stderr, "load: -n and -c must be at least 1")
		os.Exit(2)
	}
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: *c}}
	lat := make([]time.Duration, *n)
	var next, failed atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for w := 0; w < *c; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := next.Add(1) - 1
				if i >= int64(*n) {
					return
				}
				t0 := time.Now()
				resp, err := client.Get(*base + paths[int(i)%len(paths)])
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 {
						err = fmt.Errorf("status %d", resp.StatusCode)
					}
				}
				if err != nil {
					failed.Add(1)
				}
				lat[i] = time.Since(t0)
			}
		}()
	}
	wg.Wait()
	total := time.Since(start)
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) time.Duration { return lat[int(p*float64(len(lat)-1))] }
	fmt.Printf("requests: %d (%d failed)  concurrency: %d  seconds: %.2f  requests/s: %.0f\n",
		*n, failed.Load(), *c, total.Seconds(), float64(*n)/total.Seconds())
	fmt.Printf("latency p50: %v  p90: %v  p99: %v  max: %v\n", pct(0.5), pct(0.9), pct(0.99), lat[len(lat)-1])
	if *pid > 0 {
		if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", *pid)); err == nil {
			for _, line := range strings.Split(string(b), "\n") {
				if strings.HasPrefix(line, "VmHWM") || strings.HasPrefix(line, "VmRSS") {
					fmt.Println("server " + strings.Join(strings.Fields(line), " "))
				}
			}
		}
	}
	if failed.Load() > 0 {
		os.Exit(1)
	}
}

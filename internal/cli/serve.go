package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"herodot/server"
	"herodot/store"
)

func newServe(streams IO) *cobra.Command {
	o := &analysisFlags{}
	var db, addr, token string
	var maxBody int64
	c := &cobra.Command{
		Use:   "serve [flags]",
		Short: "Serve a corpus database over HTTP: a JSON API and web pages",
		Long: `Serve a corpus database (made by herodot ingest) over HTTP.

Web pages: / lists the articles, /doc/ID shows one with its sources,
attributions and events marked in the text, /paste analyses text pasted in
a form (nothing is stored), /claims lists claims with their independent
sources, /timeline the events by date and /graph who acts on whom.

JSON API (the filters of herodot query: type, status, stance, kind, actor,
target, outlet, name, text, since, until, plus limit and offset):
  GET  /api/documents, /api/entities, /api/attributions, /api/events
  GET  /api/documents/ID        one article as herodot extract writes it
  GET  /api/claims, /api/timeline, /api/graph
  POST /api/extract             analyse the body (text, HTML, or JSON with
                                "text" or "html"); nothing is stored
  POST /api/documents           analyse and store; only with --token, and
                                then only for "Authorization: Bearer TOKEN"

The server listens on loopback unless --addr says otherwise. Bodies are
bounded by --max-body and an analysis by --max-time.`,
		Example: `  herodot serve --db news.db
  herodot serve --db news.db --addr 127.0.0.1:9000 --token "$(openssl rand -hex 16)"`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if maxBody <= 0 {
				return usagef("--max-body must be positive")
			}
			opts, pipe, err := o.setup()
			if err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			st, err := openExisting(db)
			if err != nil {
				return err
			}
			defer st.Close()
			h, err := server.New(server.Options{Store: st, Pipeline: pipe, Ingest: opts, Token: token, MaxBody: maxBody, Timeout: o.maxTime})
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return err
			}
			srv := &http.Server{
				Handler:           h,
				ReadHeaderTimeout: 5 * time.Second,
				ReadTimeout:       30 * time.Second,
				WriteTimeout:      o.maxTime + 30*time.Second,
				IdleTimeout:       2 * time.Minute,
				MaxHeaderBytes:    64 << 10,
			}
			fmt.Fprintf(streams.Err, "herodot: serving %s on http://%s/ (Ctrl-C stops)\n", store.Redact(db), ln.Addr())
			errc := make(chan error, 1)
			go func() { errc <- srv.Serve(ln) }()
			select {
			case err := <-errc:
				return err
			case <-ctx.Done():
			}
			shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := srv.Shutdown(shut); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		},
	}
	o.register(c)
	c.Flags().StringVar(&db, "db", defaultDB, "the corpus database: a SQLite `FILE`, or a postgres:// URL")
	c.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "`HOST:PORT` to listen on")
	c.Flags().StringVar(&token, "token", "", "allow POST /api/documents for requests bearing this `TOKEN`")
	c.Flags().Int64Var(&maxBody, "max-body", 2<<20, "largest request body (`BYTES`)")
	return c
}

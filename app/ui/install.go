package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// installPanel offers to install Kintsugi to the home screen: a button where
// the browser offers an install prompt, and written steps on Apple browsers,
// which have no prompt.
type installPanel struct {
	app.Compo
	apple       bool
	installable bool
	mounted     bool
}

func (p *installPanel) OnMount(ctx app.Context) {
	p.mounted = true
	p.apple = ctx.IsAppleBrowser()
	p.installable = ctx.IsAppInstallable()
}

func (p *installPanel) OnAppInstallChange(ctx app.Context) {
	p.installable = ctx.IsAppInstallable()
}

func (p *installPanel) Render() app.UI {
	var body app.UI
	switch {
	case !p.mounted:
		body = para("Installing Kintsugi puts it on your home screen, opens it without the browser around it, and helps the browser keep your data.")
	case p.apple:
		body = app.Div().Body(
			para("On iPhone and iPad: tap the Share button in Safari, then choose \"Add to Home Screen\"."),
			para("On a Mac: in Safari's File menu, choose \"Add to Dock\"."),
		)
	case p.installable:
		body = app.Div().Body(
			para("Install Kintsugi to open it from your home screen, even with no connection."),
			button("Install Kintsugi").Class("primary").OnClick(p.install),
		)
	default:
		body = para("Kintsugi is installed, or this browser does not offer to install it. In Chrome on Android, the browser menu has \"Install app\" or \"Add to Home screen\".")
	}
	return app.Section().Class("card").Aria("labelledby", "install-heading").Body(
		heading2("install-heading", "Install on this device"),
		body,
	)
}

func (p *installPanel) install(ctx app.Context, e app.Event) {
	ctx.ShowAppInstallPrompt()
}

package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

type privacyPage struct {
	app.Compo
	deps Deps
}

func (p *privacyPage) OnNav(ctx app.Context) {
	setTitle(ctx, "Privacy", "What Kintsugi stores, where, and who can see it.")
}

func (p *privacyPage) Render() app.UI {
	return publicFrame(p.deps, sectionNone, "Your privacy",
		para("Kintsugi is built so that what you write never leaves your device. Here is exactly what that means."),
		paraClass("notice", "Kintsugi is not therapy and not a crisis service. If you are in danger, use Get help at the top of any screen."),
		app.H2().Text("What is stored"),
		app.Ul().Body(
			app.Li().Text("What you write in the tools: check-ins, journal entries, exercises and agreements."),
			app.Li().Text("Your settings, and which chapters you have read or bookmarked."),
		),
		app.H2().Text("Where it is stored"),
		para("Only in this browser's storage (IndexedDB) on this device. There is no account and no copy on any server. Kintsugi sends no analytics, loads nothing from other websites, and its security policy forbids the app from connecting anywhere but the site it came from."),
		para("The site that serves Kintsugi sees only that the app's files were downloaded, as with any web page. It never receives a word you write. Once installed, Kintsugi works with no connection at all."),
		app.H2().Text("Who can see it"),
		para("Without the passphrase lock, anyone who can open this browser on this device and use Kintsugi can read what you have written."),
		para("With the lock on (Settings, Passphrase lock), every entry is encrypted with AES-256 before it is stored, under a key that only your passphrase or your recovery key opens; the passphrase itself is never stored. Kintsugi locks itself when you leave it, after a few minutes without use, and when you use Quick exit. Someone who copies this browser's storage could see how many entries of each kind there are and their dates, but not a word of them. If you lose both the passphrase and the recovery key, nobody can open your entries again."),
		para("A backup file you download while the lock is on is encrypted the same way. A backup made without the lock, or one you choose to make unencrypted, can be read by whoever has it."),
		app.H2().Text("Quick exit"),
		para("The Quick exit button at the top of every screen, or Escape pressed twice, locks Kintsugi (when the lock is on) and leaves at once for a plain page of notes, and replaces the screen you were on in the browser's history, so that Back does not return to it."),
		para("It helps against someone glancing at your screen. It does not erase the browser's history of earlier pages, and it does not protect against a phone that is being monitored."),
		app.H2().Text("What this cannot protect against"),
		para("If someone has installed monitoring software on your phone, or can read your browser history, they may see that you use Kintsugi. If you think your device is being watched, use a device the other person cannot reach, and see the help lines."),
		link("/help", "Help lines and emergency numbers"),
		app.H2().Text("Removing your data"),
		para("Settings has a button that deletes everything Kintsugi saved on this device, and one that downloads a backup first if you want to keep a copy. Clearing this site's data in your browser's settings removes it too."),
		link("/settings", "Go to Settings"),
	)
}
